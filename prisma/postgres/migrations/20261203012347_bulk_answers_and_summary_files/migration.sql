-- CreateTable
CREATE TABLE "BulkAnswer" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "decision" "ProposalDecision" NOT NULL,
    "answer" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "afterArticle" INTEGER NOT NULL DEFAULT -1,
    "afterNumber" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'RUNNING',
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSummaryFile" (
    "roundId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "locale" TEXT NOT NULL,
    "proposals" INTEGER NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "size" INTEGER,
    "fileName" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "builtAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundSummaryFile_pkey" PRIMARY KEY ("roundId")
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

-- AddForeignKey
ALTER TABLE "BulkAnswer" ADD CONSTRAINT "BulkAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSummaryFile" ADD CONSTRAINT "RoundSummaryFile_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSummaryFile" ADD CONSTRAINT "RoundSummaryFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "AttachmentFile"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;

