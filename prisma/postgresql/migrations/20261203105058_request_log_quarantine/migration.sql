-- CreateTable
CREATE TABLE "RequestLogQuarantine" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "row" TEXT NOT NULL,

    CONSTRAINT "RequestLogQuarantine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestLogQuarantine_createdAt_idx" ON "RequestLogQuarantine"("createdAt");
