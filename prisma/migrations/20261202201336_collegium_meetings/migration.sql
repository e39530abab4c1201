-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "attachments" JSONB;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "meetingId" TEXT;

-- CreateTable
CREATE TABLE "CollegiumMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "onlineUrl" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "minutesDraftId" TEXT,
    "minutesStatus" TEXT NOT NULL DEFAULT 'NONE',
    "minutesVersionId" TEXT,
    "minutesSha256" TEXT,
    "minutesApprovedAt" DATETIME,
    "minutesPublic" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "CollegiumMeeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CollegiumBody" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CollegiumMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingAgendaItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "CollegiumReview" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingInvitee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "locale" TEXT,
    "response" TEXT NOT NULL DEFAULT 'PENDING',
    "respondedAt" DATETIME,
    CONSTRAINT "MeetingInvitee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CollegiumMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "representedBy" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("meetingId", "membershipId"),
    CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CollegiumMeeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingAttendance_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "CollegiumMembership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CollegiumBody" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "nameHy" TEXT,
    "nameRu" TEXT,
    "nameKa" TEXT,
    "nameEn" TEXT,
    "quorumShare" REAL NOT NULL DEFAULT 0.5,
    "majorityShare" REAL NOT NULL DEFAULT 0.5,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "meetingsPublic" BOOLEAN NOT NULL DEFAULT false,
    "feedToken" TEXT,
    CONSTRAINT "CollegiumBody_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CollegiumBody" ("createdAt", "id", "majorityShare", "nameEn", "nameHy", "nameKa", "nameRu", "organizationId", "quorumShare") SELECT "createdAt", "id", "majorityShare", "nameEn", "nameHy", "nameKa", "nameRu", "organizationId", "quorumShare" FROM "CollegiumBody";
DROP TABLE "CollegiumBody";
ALTER TABLE "new_CollegiumBody" RENAME TO "CollegiumBody";
CREATE UNIQUE INDEX "CollegiumBody_feedToken_key" ON "CollegiumBody"("feedToken");
CREATE INDEX "CollegiumBody_organizationId_idx" ON "CollegiumBody"("organizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CollegiumMeeting_minutesDraftId_key" ON "CollegiumMeeting"("minutesDraftId");

-- CreateIndex
CREATE INDEX "CollegiumMeeting_bodyId_startsAt_idx" ON "CollegiumMeeting"("bodyId", "startsAt");

-- CreateIndex
CREATE INDEX "MeetingAgendaItem_meetingId_position_idx" ON "MeetingAgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingAgendaItem_reviewId_idx" ON "MeetingAgendaItem"("reviewId");

-- CreateIndex
CREATE INDEX "MeetingInvitee_userId_idx" ON "MeetingInvitee"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingInvitee_meetingId_membershipId_key" ON "MeetingInvitee"("meetingId", "membershipId");

