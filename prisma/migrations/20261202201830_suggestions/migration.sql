-- CreateTable
CREATE TABLE "SuggestionOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "articleId" TEXT,
    "reason" TEXT,
    "suggestedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionOutcome_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SuggestionOutcome_draftId_decidedAt_idx" ON "SuggestionOutcome"("draftId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionOutcome_draftId_suggestionId_key" ON "SuggestionOutcome"("draftId", "suggestionId");

