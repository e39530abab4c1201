-- AlterTable
ALTER TABLE "SuggestionOutcome" ADD COLUMN "sourceAuthor" TEXT;
ALTER TABLE "SuggestionOutcome" ADD COLUMN "sourceDate" TEXT;

