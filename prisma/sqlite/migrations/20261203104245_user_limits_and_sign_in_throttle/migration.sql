-- AlterTable
ALTER TABLE "User" ADD COLUMN "monthlyBudgetMicros" BIGINT;
ALTER TABLE "User" ADD COLUMN "rpmLimit" INTEGER;
ALTER TABLE "User" ADD COLUMN "tpmLimit" INTEGER;
