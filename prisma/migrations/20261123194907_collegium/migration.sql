-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "reviewId" TEXT;

-- CreateTable
CREATE TABLE "CollegiumBody" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "nameHy" TEXT,
    "nameRu" TEXT,
    "nameKa" TEXT,
    "nameEn" TEXT,
    "quorumShare" REAL NOT NULL DEFAULT 0.5,
    "majorityShare" REAL NOT NULL DEFAULT 0.5,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollegiumBody_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CollegiumMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "userId" TEXT,
    "personName" TEXT NOT NULL,
    "organizationId" TEXT,
    "position" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "termStart" DATETIME NOT NULL,
    "termEnd" DATETIME,
    "appointedBy" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollegiumMembership_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CollegiumBody" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollegiumMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CollegiumMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CollegiumReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "sentById" TEXT,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" DATETIME,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "outcome" TEXT,
    "tally" JSONB,
    CONSTRAINT "CollegiumReview_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CollegiumBody" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollegiumReview_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CollegiumReview_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewReviewer" (
    "reviewId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    PRIMARY KEY ("reviewId", "membershipId"),
    CONSTRAINT "ReviewReviewer_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "CollegiumReview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewReviewer_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "CollegiumMembership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reviewId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "remarks" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "CollegiumReview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewDecision_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "CollegiumMembership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

