-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "roundId" TEXT,
    "threadId" TEXT,
    "commentId" TEXT,
    "proposalId" TEXT,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SearchEntry_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SearchEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SearchEntry_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SearchEntry_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_key_key" ON "SearchEntry"("key");

-- CreateIndex
CREATE INDEX "SearchEntry_kind_updatedAt_idx" ON "SearchEntry"("kind", "updatedAt");

-- CreateIndex
CREATE INDEX "SearchEntry_draftId_idx" ON "SearchEntry"("draftId");

-- CreateIndex
CREATE INDEX "SearchEntry_roundId_idx" ON "SearchEntry"("roundId");

-- CreateIndex
CREATE INDEX "SearchEntry_commentId_idx" ON "SearchEntry"("commentId");

-- CreateIndex
CREATE INDEX "SearchEntry_proposalId_idx" ON "SearchEntry"("proposalId");


-- Full-text index (hand-written, decision 009): an FTS5 table over SearchEntry."text"
-- (external content, rowid = SearchEntry.id), kept in sync by the triggers below.
-- The text is already folded and split into words by the app; diacritics are kept, as
-- PostgreSQL's 'simple' configuration keeps them, so both databases match the same words.
-- A migration that rebuilds the SearchEntry table drops these triggers: recreate them.
CREATE VIRTUAL TABLE "SearchEntry_fts" USING fts5(
    "text",
    content = 'SearchEntry',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER "SearchEntry_fts_insert" AFTER INSERT ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntry_fts" (rowid, "text") VALUES (new."id", new."text");
END;

CREATE TRIGGER "SearchEntry_fts_delete" AFTER DELETE ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntry_fts" ("SearchEntry_fts", rowid, "text") VALUES ('delete', old."id", old."text");
END;

CREATE TRIGGER "SearchEntry_fts_update" AFTER UPDATE OF "text" ON "SearchEntry" BEGIN
    INSERT INTO "SearchEntry_fts" ("SearchEntry_fts", rowid, "text") VALUES ('delete', old."id", old."text");
    INSERT INTO "SearchEntry_fts" (rowid, "text") VALUES (new."id", new."text");
END;
