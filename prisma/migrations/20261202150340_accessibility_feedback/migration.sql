-- CreateTable
CREATE TABLE "AccessibilityFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "name" TEXT,
    "email" TEXT,
    "pageUrl" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "AccessibilityFeedback_createdAt_idx" ON "AccessibilityFeedback"("createdAt");

