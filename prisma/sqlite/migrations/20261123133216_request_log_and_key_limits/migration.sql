-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
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
    "responseBody" TEXT
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "apiKeyId" TEXT NOT NULL,
    "window" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("apiKeyId", "window")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "rpmLimit" INTEGER,
    "tpmLimit" INTEGER,
    "monthlyBudgetMicros" BIGINT,
    "logBodies" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiKey" ("createdAt", "expiresAt", "id", "keyHash", "lastUsedAt", "name", "prefix", "revokedAt", "userId") SELECT "createdAt", "expiresAt", "id", "keyHash", "lastUsedAt", "name", "prefix", "revokedAt", "userId" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");
CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
