-- CreateEnum
CREATE TYPE "RoundAudience" AS ENUM ('PUBLIC', 'INVITED');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('SCHEDULED', 'OPEN', 'CLOSED', 'ANSWERED');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('SUBMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalDecision" AS ENUM ('ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED', 'NOTED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "proposalId" TEXT,
ADD COLUMN     "roundId" TEXT;

-- CreateTable
CREATE TABLE "ConsultationRound" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Yerevan',
    "audience" "RoundAudience" NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'SCHEDULED',
    "reminderSentAt" TIMESTAMP(3),
    "summaryPublishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsultationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundInvitation" (
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    CONSTRAINT "RoundInvitation_pkey" PRIMARY KEY ("roundId","organizationId")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "quote" TEXT,
    "proposedText" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "organizationId" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'SUBMITTED',
    "withdrawnAt" TIMESTAMP(3),
    "decision" "ProposalDecision",
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsultationRound_status_opensAt_idx" ON "ConsultationRound"("status", "opensAt");

-- CreateIndex
CREATE INDEX "ConsultationRound_status_closesAt_idx" ON "ConsultationRound"("status", "closesAt");

-- CreateIndex
CREATE INDEX "ConsultationRound_draftId_idx" ON "ConsultationRound"("draftId");

-- CreateIndex
CREATE INDEX "Proposal_roundId_articleId_idx" ON "Proposal"("roundId", "articleId");

-- AddForeignKey
ALTER TABLE "ConsultationRound" ADD CONSTRAINT "ConsultationRound_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationRound" ADD CONSTRAINT "ConsultationRound_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundInvitation" ADD CONSTRAINT "RoundInvitation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundInvitation" ADD CONSTRAINT "RoundInvitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

