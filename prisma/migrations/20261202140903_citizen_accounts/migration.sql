-- AlterTable
ALTER TABLE "User" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" DATETIME;

-- AlterTable
ALTER TABLE "EmailToken" ADD COLUMN "returnTo" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConsultationRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Yerevan',
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "reminderSentAt" DATETIME,
    "summaryPublishedAt" DATETIME,
    "lastProposalNumber" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationRound_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationRound_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ConsultationRound" ("audience", "closesAt", "createdAt", "createdById", "description", "draftId", "id", "opensAt", "reminderSentAt", "status", "summaryPublishedAt", "timeZone", "title", "updatedAt", "versionId") SELECT "audience", "closesAt", "createdAt", "createdById", "description", "draftId", "id", "opensAt", "reminderSentAt", "status", "summaryPublishedAt", "timeZone", "title", "updatedAt", "versionId" FROM "ConsultationRound";
DROP TABLE "ConsultationRound";
ALTER TABLE "new_ConsultationRound" RENAME TO "ConsultationRound";
CREATE INDEX "ConsultationRound_status_opensAt_idx" ON "ConsultationRound"("status", "opensAt");
CREATE INDEX "ConsultationRound_status_closesAt_idx" ON "ConsultationRound"("status", "closesAt");
CREATE INDEX "ConsultationRound_draftId_idx" ON "ConsultationRound"("draftId");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Proposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Proposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("answer", "answeredAt", "answeredById", "articleId", "authorId", "createdAt", "decision", "id", "justification", "organizationId", "proposedText", "quote", "roundId", "status", "withdrawnAt") SELECT "answer", "answeredAt", "answeredById", "articleId", "authorId", "createdAt", "decision", "id", "justification", "organizationId", "proposedText", "quote", "roundId", "status", "withdrawnAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_roundId_articleId_idx" ON "Proposal"("roundId", "articleId");
CREATE INDEX "Proposal_roundId_number_idx" ON "Proposal"("roundId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing proposals get their numbers in the order they arrived; rounds remember the last.
UPDATE "Proposal" SET "number" = (SELECT COUNT(*) FROM "Proposal" AS "earlier" WHERE "earlier"."roundId" = "Proposal"."roundId" AND ("earlier"."createdAt" < "Proposal"."createdAt" OR ("earlier"."createdAt" = "Proposal"."createdAt" AND "earlier"."id" <= "Proposal"."id")));
UPDATE "ConsultationRound" SET "lastProposalNumber" = (SELECT COUNT(*) FROM "Proposal" WHERE "Proposal"."roundId" = "ConsultationRound"."id");

-- Accounts made before sign-up existed came from invitation links, which proved the address.
UPDATE "User" SET "emailVerifiedAt" = "createdAt";
