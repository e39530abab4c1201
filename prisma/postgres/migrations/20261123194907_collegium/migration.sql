-- CreateEnum
CREATE TYPE "CollegiumRole" AS ENUM ('CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReviewDecisionKind" AS ENUM ('APPROVE', 'APPROVE_WITH_REMARKS', 'OBJECT', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('ADOPTED', 'RETURNED', 'NO_QUORUM');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "reviewId" TEXT;

-- CreateTable
CREATE TABLE "CollegiumBody" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "nameHy" TEXT,
    "nameRu" TEXT,
    "nameKa" TEXT,
    "nameEn" TEXT,
    "quorumShare" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "majorityShare" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollegiumBody_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegiumMembership" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "userId" TEXT,
    "personName" TEXT NOT NULL,
    "organizationId" TEXT,
    "position" TEXT NOT NULL DEFAULT '',
    "role" "CollegiumRole" NOT NULL DEFAULT 'MEMBER',
    "termStart" TIMESTAMP(3) NOT NULL,
    "termEnd" TIMESTAMP(3),
    "appointedBy" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollegiumMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollegiumReview" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "sentById" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "outcome" "ReviewOutcome",
    "tally" JSONB,

    CONSTRAINT "CollegiumReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewReviewer" (
    "reviewId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    CONSTRAINT "ReviewReviewer_pkey" PRIMARY KEY ("reviewId","membershipId")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "decision" "ReviewDecisionKind" NOT NULL,
    "remarks" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CollegiumBody_organizationId_idx" ON "CollegiumBody"("organizationId");

-- CreateIndex
CREATE INDEX "CollegiumMembership_bodyId_termStart_idx" ON "CollegiumMembership"("bodyId", "termStart");

-- CreateIndex
CREATE INDEX "CollegiumMembership_userId_idx" ON "CollegiumMembership"("userId");

-- CreateIndex
CREATE INDEX "CollegiumReview_draftId_idx" ON "CollegiumReview"("draftId");

-- CreateIndex
CREATE INDEX "CollegiumReview_status_dueAt_idx" ON "CollegiumReview"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewDecision_reviewId_membershipId_key" ON "ReviewDecision"("reviewId", "membershipId");

-- AddForeignKey
ALTER TABLE "CollegiumBody" ADD CONSTRAINT "CollegiumBody_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegiumMembership" ADD CONSTRAINT "CollegiumMembership_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CollegiumBody"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegiumMembership" ADD CONSTRAINT "CollegiumMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegiumMembership" ADD CONSTRAINT "CollegiumMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegiumReview" ADD CONSTRAINT "CollegiumReview_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CollegiumBody"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegiumReview" ADD CONSTRAINT "CollegiumReview_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollegiumReview" ADD CONSTRAINT "CollegiumReview_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReviewer" ADD CONSTRAINT "ReviewReviewer_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "CollegiumReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReviewer" ADD CONSTRAINT "ReviewReviewer_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "CollegiumMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "CollegiumReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "CollegiumMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

