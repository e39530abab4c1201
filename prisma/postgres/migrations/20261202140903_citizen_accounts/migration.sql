-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TokenPurpose" ADD VALUE 'EMAIL_VERIFICATION';
ALTER TYPE "TokenPurpose" ADD VALUE 'EMAIL_CHANGE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "EmailToken" ADD COLUMN     "returnTo" TEXT;

-- AlterTable
ALTER TABLE "ConsultationRound" ADD COLUMN     "lastProposalNumber" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Proposal_roundId_number_idx" ON "Proposal"("roundId", "number");


-- Existing proposals get their numbers in the order they arrived; rounds remember the last.
UPDATE "Proposal" SET "number" = (SELECT COUNT(*) FROM "Proposal" AS "earlier" WHERE "earlier"."roundId" = "Proposal"."roundId" AND ("earlier"."createdAt" < "Proposal"."createdAt" OR ("earlier"."createdAt" = "Proposal"."createdAt" AND "earlier"."id" <= "Proposal"."id")));
UPDATE "ConsultationRound" SET "lastProposalNumber" = (SELECT COUNT(*) FROM "Proposal" WHERE "Proposal"."roundId" = "ConsultationRound"."id");

-- Accounts made before sign-up existed came from invitation links, which proved the address.
UPDATE "User" SET "emailVerifiedAt" = "createdAt";
