-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "groupId" TEXT;

-- CreateTable
CREATE TABLE "ProposalGroup" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "normalizedText" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalGrouping" (
    "roundId" TEXT NOT NULL,
    "groupedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalGrouping_pkey" PRIMARY KEY ("roundId")
);

-- CreateTable
CREATE TABLE "ProposalBand" (
    "roundId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "ProposalBand_pkey" PRIMARY KEY ("roundId","articleId","key","groupId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProposalGroup_representativeId_key" ON "ProposalGroup"("representativeId");

-- CreateIndex
CREATE INDEX "ProposalGroup_roundId_articleId_idx" ON "ProposalGroup"("roundId", "articleId");

-- CreateIndex
CREATE INDEX "ProposalBand_groupId_idx" ON "ProposalBand"("groupId");

-- CreateIndex
CREATE INDEX "Proposal_groupId_number_idx" ON "Proposal"("groupId", "number");

-- CreateIndex
CREATE INDEX "Proposal_roundId_groupId_idx" ON "Proposal"("roundId", "groupId");

-- CreateIndex
CREATE INDEX "Proposal_roundId_articleId_number_idx" ON "Proposal"("roundId", "articleId", "number");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ProposalGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalGroup" ADD CONSTRAINT "ProposalGroup_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalBand" ADD CONSTRAINT "ProposalBand_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ProposalGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

