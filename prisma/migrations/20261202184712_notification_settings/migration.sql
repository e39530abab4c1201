-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "digestLine" TEXT;
ALTER TABLE "Notification" ADD COLUMN "digestedAt" DATETIME;

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "unsubscribeToken" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSetting_unsubscribeToken_key" ON "NotificationSetting"("unsubscribeToken");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSetting_userId_kind_key" ON "NotificationSetting"("userId", "kind");

-- CreateIndex
CREATE INDEX "Notification_digestedAt_userId_idx" ON "Notification"("digestedAt", "userId");

