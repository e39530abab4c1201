-- CreateEnum
CREATE TYPE "SuggestionOutcomeKind" AS ENUM ('ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "AccessLevel" ADD VALUE 'SUGGEST';

-- CreateTable
CREATE TABLE "SuggestionOutcome" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT NOT NULL,
    "outcome" "SuggestionOutcomeKind" NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "articleId" TEXT,
    "reason" TEXT,
    "suggestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuggestionOutcome_draftId_decidedAt_idx" ON "SuggestionOutcome"("draftId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionOutcome_draftId_suggestionId_key" ON "SuggestionOutcome"("draftId", "suggestionId");

-- AddForeignKey
ALTER TABLE "SuggestionOutcome" ADD CONSTRAINT "SuggestionOutcome_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

