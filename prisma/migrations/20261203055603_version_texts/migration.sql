-- AlterTable
ALTER TABLE "DraftVersion" ADD COLUMN "authoritativeDocumentId" TEXT;
ALTER TABLE "DraftVersion" ADD COLUMN "setSha256" TEXT;
ALTER TABLE "DraftVersion" ADD COLUMN "textLanguage" TEXT;

-- CreateTable
CREATE TABLE "VersionText" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "textId" TEXT,
    "documentId" TEXT NOT NULL,
    "textLanguage" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "plainText" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "VersionText_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VersionText_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "number" INTEGER NOT NULL DEFAULT 0,
    "articleId" TEXT NOT NULL,
    "versionTextId" TEXT,
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
    CONSTRAINT "Proposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ProposalGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_versionTextId_fkey" FOREIGN KEY ("versionTextId") REFERENCES "VersionText" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("answer", "answeredAt", "answeredById", "articleId", "authorId", "createdAt", "decision", "groupId", "hiddenAt", "hiddenNote", "hiddenReason", "id", "justification", "number", "organizationId", "proposedText", "quote", "roundId", "status", "withdrawnAt") SELECT "answer", "answeredAt", "answeredById", "articleId", "authorId", "createdAt", "decision", "groupId", "hiddenAt", "hiddenNote", "hiddenReason", "id", "justification", "number", "organizationId", "proposedText", "quote", "roundId", "status", "withdrawnAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_roundId_articleId_idx" ON "Proposal"("roundId", "articleId");
CREATE INDEX "Proposal_roundId_number_idx" ON "Proposal"("roundId", "number");
CREATE INDEX "Proposal_groupId_number_idx" ON "Proposal"("groupId", "number");
CREATE INDEX "Proposal_roundId_groupId_idx" ON "Proposal"("roundId", "groupId");
CREATE INDEX "Proposal_roundId_articleId_number_idx" ON "Proposal"("roundId", "articleId", "number");
CREATE INDEX "Proposal_roundId_status_articleId_decision_idx" ON "Proposal"("roundId", "status", "articleId", "decision");
CREATE INDEX "Proposal_roundId_organizationId_idx" ON "Proposal"("roundId", "organizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "VersionText_versionId_idx" ON "VersionText"("versionId");

-- CreateIndex
CREATE INDEX "VersionText_textId_idx" ON "VersionText"("textId");

