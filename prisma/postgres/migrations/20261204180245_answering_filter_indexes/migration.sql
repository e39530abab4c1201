-- DropIndex
DROP INDEX "Proposal_roundId_groupId_idx";

-- DropIndex
DROP INDEX "Proposal_roundId_organizationId_idx";

-- CreateIndex
CREATE INDEX "Proposal_roundId_groupId_articleId_number_status_decision_idx" ON "Proposal"("roundId", "groupId", "articleId", "number", "status", "decision");

-- CreateIndex
CREATE INDEX "Proposal_roundId_organizationId_articleId_number_status_dec_idx" ON "Proposal"("roundId", "organizationId", "articleId", "number", "status", "decision");

