-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "headers" JSONB;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "Proposal" ADD COLUMN "hiddenNote" TEXT;
ALTER TABLE "Proposal" ADD COLUMN "hiddenReason" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "Comment" ADD COLUMN "hiddenNote" TEXT;
ALTER TABLE "Comment" ADD COLUMN "hiddenReason" TEXT;

-- CreateTable
CREATE TABLE "Subscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "organizationId" TEXT,
    "draftKind" TEXT,
    "roundId" TEXT,
    "userId" TEXT,
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" DATETIME,
    "confirmedAt" DATETIME,
    "unsubscribeToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Subscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModerationFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "ownerOrganizationId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModerationFlag_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "ownerOrganizationId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "roundId" TEXT,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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

