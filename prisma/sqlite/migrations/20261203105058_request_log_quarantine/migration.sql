-- CreateTable
CREATE TABLE "RequestLogQuarantine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "row" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "RequestLogQuarantine_createdAt_idx" ON "RequestLogQuarantine"("createdAt");
