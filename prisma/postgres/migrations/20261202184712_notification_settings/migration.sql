-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "digestLine" TEXT,
ADD COLUMN     "digestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "unsubscribeToken" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSetting_unsubscribeToken_key" ON "NotificationSetting"("unsubscribeToken");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSetting_userId_kind_key" ON "NotificationSetting"("userId", "kind");

-- CreateIndex
CREATE INDEX "Notification_digestedAt_userId_idx" ON "Notification"("digestedAt", "userId");

-- AddForeignKey
ALTER TABLE "NotificationSetting" ADD CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

