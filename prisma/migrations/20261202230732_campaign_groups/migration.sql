-- CreateTable
CREATE TABLE "ProposalGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "normalizedText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalGroup_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalGrouping" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "groupedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProposalBand" (
    "roundId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "articleId", "key", "groupId"),
    CONSTRAINT "ProposalBand_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ProposalGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "number" INTEGER NOT NULL DEFAULT 0,
    "articleId" TEXT NOT NULL,
    "quote" TEXT,
    "proposedText" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "organizationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "withdrawnAt" DATETIME,
    "decision" TEXT,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "hiddenNote" TEXT,
    "groupId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Proposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ProposalGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("answer", "answeredAt", "answeredById", "articleId", "authorId", "createdAt", "decision", "hiddenAt", "hiddenNote", "hiddenReason", "id", "justification", "number", "organizationId", "proposedText", "quote", "roundId", "status", "withdrawnAt") SELECT "answer", "answeredAt", "answeredById", "articleId", "authorId", "createdAt", "decision", "hiddenAt", "hiddenNote", "hiddenReason", "id", "justification", "number", "organizationId", "proposedText", "quote", "roundId", "status", "withdrawnAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_roundId_articleId_idx" ON "Proposal"("roundId", "articleId");
CREATE INDEX "Proposal_roundId_number_idx" ON "Proposal"("roundId", "number");
CREATE INDEX "Proposal_groupId_number_idx" ON "Proposal"("groupId", "number");
CREATE INDEX "Proposal_roundId_groupId_idx" ON "Proposal"("roundId", "groupId");
CREATE INDEX "Proposal_roundId_articleId_number_idx" ON "Proposal"("roundId", "articleId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProposalGroup_representativeId_key" ON "ProposalGroup"("representativeId");

-- CreateIndex
CREATE INDEX "ProposalGroup_roundId_articleId_idx" ON "ProposalGroup"("roundId", "articleId");

-- CreateIndex
CREATE INDEX "ProposalBand_groupId_idx" ON "ProposalBand"("groupId");

