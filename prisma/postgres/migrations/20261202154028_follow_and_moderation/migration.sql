-- CreateEnum
CREATE TYPE "FollowTopic" AS ENUM ('NEW_ROUNDS', 'ROUND_ANSWERS');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "headers" JSONB;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenNote" TEXT,
ADD COLUMN     "hiddenReason" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenNote" TEXT,
ADD COLUMN     "hiddenReason" TEXT;

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "topic" "FollowTopic" NOT NULL,
    "scope" TEXT NOT NULL,
    "organizationId" TEXT,
    "draftKind" "DraftKind",
    "roundId" TEXT,
    "userId" TEXT,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "unsubscribeToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationFlag" (
    "id" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "ownerOrganizationId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "ownerOrganizationId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "roundId" TEXT,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_confirmTokenHash_key" ON "Subscription"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_unsubscribeToken_key" ON "Subscription"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "Subscription_topic_confirmedAt_idx" ON "Subscription"("topic", "confirmedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_email_scope_key" ON "Subscription"("email", "scope");

-- CreateIndex
CREATE INDEX "ModerationFlag_ownerOrganizationId_createdAt_idx" ON "ModerationFlag"("ownerOrganizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationFlag_objectType_objectId_reporterId_key" ON "ModerationFlag"("objectType", "objectId", "reporterId");

-- CreateIndex
CREATE INDEX "ModerationAction_ownerOrganizationId_createdAt_idx" ON "ModerationAction"("ownerOrganizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationFlag" ADD CONSTRAINT "ModerationFlag_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

