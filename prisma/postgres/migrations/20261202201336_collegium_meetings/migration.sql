-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('NONE', 'DRAFTING', 'CIRCULATED', 'APPROVED');

-- CreateEnum
CREATE TYPE "MeetingResponse" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "AttendanceKind" AS ENUM ('PRESENT', 'ABSENT', 'REPRESENTED');

-- AlterEnum
ALTER TYPE "DraftKind" ADD VALUE 'MINUTES';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "attachments" JSONB;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "meetingId" TEXT;

-- AlterTable
ALTER TABLE "CollegiumBody" ADD COLUMN     "feedToken" TEXT,
ADD COLUMN     "meetingsPublic" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CollegiumMeeting" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "onlineUrl" TEXT NOT NULL DEFAULT '',
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "minutesDraftId" TEXT,
    "minutesStatus" "MinutesStatus" NOT NULL DEFAULT 'NONE',
    "minutesVersionId" TEXT,
    "minutesSha256" TEXT,
    "minutesApprovedAt" TIMESTAMP(3),
    "minutesPublic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CollegiumMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "reviewId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MeetingAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingInvitee" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "locale" TEXT,
    "response" "MeetingResponse" NOT NULL DEFAULT 'PENDING',
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "MeetingInvitee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "kind" "AttendanceKind" NOT NULL,
    "representedBy" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","membershipId")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "CollegiumBody_feedToken_key" ON "CollegiumBody"("feedToken");

-- AddForeignKey
ALTER TABLE "CollegiumMeeting" ADD CONSTRAINT "CollegiumMeeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CollegiumBody"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CollegiumMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "CollegiumReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingInvitee" ADD CONSTRAINT "MeetingInvitee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CollegiumMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CollegiumMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "CollegiumMembership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

