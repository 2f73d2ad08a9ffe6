-- AlterTable
ALTER TABLE "User" ADD COLUMN     "monthlyBudgetMicros" BIGINT,
ADD COLUMN     "rpmLimit" INTEGER,
ADD COLUMN     "tpmLimit" INTEGER;
