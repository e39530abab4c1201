-- AlterTable
ALTER TABLE "CommentThread" ADD COLUMN     "suggestionId" TEXT;

-- AlterTable
ALTER TABLE "SuggestionOutcome" ADD COLUMN     "landedEnd" TEXT,
ADD COLUMN     "landedStart" TEXT;

-- CreateIndex
CREATE INDEX "CommentThread_draftId_suggestionId_idx" ON "CommentThread"("draftId", "suggestionId");

