-- AlterTable
ALTER TABLE "SuggestionOutcome" ADD COLUMN     "sourceAuthor" TEXT,
ADD COLUMN     "sourceDate" TEXT;

