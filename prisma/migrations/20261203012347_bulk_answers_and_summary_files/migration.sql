-- CreateTable
CREATE TABLE "BulkAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "afterArticle" INTEGER NOT NULL DEFAULT -1,
    "afterNumber" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'RUNNING',
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "BulkAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundSummaryFile" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "locale" TEXT NOT NULL,
    "proposals" INTEGER NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "size" INTEGER,
    "fileName" TEXT,
    "leaseUntil" DATETIME,
    "builtAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundSummaryFile_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundSummaryFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "AttachmentFile" ("sha256") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BulkAnswer_state_leaseUntil_idx" ON "BulkAnswer"("state", "leaseUntil");

-- CreateIndex
CREATE INDEX "BulkAnswer_roundId_createdAt_idx" ON "BulkAnswer"("roundId", "createdAt");

-- CreateIndex
CREATE INDEX "RoundSummaryFile_state_leaseUntil_idx" ON "RoundSummaryFile"("state", "leaseUntil");

-- CreateIndex
CREATE INDEX "Proposal_roundId_status_articleId_decision_idx" ON "Proposal"("roundId", "status", "articleId", "decision");

-- CreateIndex
CREATE INDEX "Proposal_roundId_organizationId_idx" ON "Proposal"("roundId", "organizationId");

