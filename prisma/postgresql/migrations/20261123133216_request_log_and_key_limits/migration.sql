-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "logBodies" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "monthlyBudgetMicros" BIGINT,
ADD COLUMN     "rpmLimit" INTEGER,
ADD COLUMN     "tpmLimit" INTEGER;

-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "apiKeyId" TEXT,
    "apiKeyName" TEXT,
    "apiKeyPrefix" TEXT,
    "userId" TEXT,
    "endpoint" TEXT NOT NULL,
    "requestedModel" TEXT,
    "servedModel" TEXT,
    "attempts" TEXT NOT NULL DEFAULT '[]',
    "status" INTEGER NOT NULL,
    "errorType" TEXT,
    "stream" BOOLEAN NOT NULL DEFAULT false,
    "latencyMs" INTEGER NOT NULL,
    "ttftMs" INTEGER,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWrite5mTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWrite1hTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicros" INTEGER NOT NULL DEFAULT 0,
    "cacheSavingsMicros" INTEGER NOT NULL DEFAULT 0,
    "requestBody" TEXT,
    "responseBody" TEXT,

    CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "apiKeyId" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("apiKeyId","window")
);

-- CreateIndex
CREATE INDEX "RequestLog_createdAt_id_idx" ON "RequestLog"("createdAt", "id");

-- CreateIndex
CREATE INDEX "RequestLog_userId_createdAt_id_idx" ON "RequestLog"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RequestLog_apiKeyId_createdAt_id_idx" ON "RequestLog"("apiKeyId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RequestLog_requestedModel_createdAt_id_idx" ON "RequestLog"("requestedModel", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RequestLog_status_createdAt_id_idx" ON "RequestLog"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "RateLimitCounter_expiresAt_idx" ON "RateLimitCounter"("expiresAt");
