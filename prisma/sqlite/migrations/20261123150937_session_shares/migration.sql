-- CreateTable
CREATE TABLE "SessionShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenSealed" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SessionShare_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PlaygroundSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SessionShare_sessionId_key" ON "SessionShare"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionShare_tokenHash_key" ON "SessionShare"("tokenHash");

-- CreateIndex
CREATE INDEX "PlaygroundSession_userId_deletedAt_lastActivityAt_id_idx" ON "PlaygroundSession"("userId", "deletedAt", "lastActivityAt", "id");
