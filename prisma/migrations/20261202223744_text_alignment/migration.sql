-- CreateTable
CREATE TABLE "TextAlignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "textId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "mainText" TEXT NOT NULL,
    "otherText" TEXT NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" DATETIME NOT NULL,
    CONSTRAINT "TextAlignment_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TextAlignment_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TextAlignment_textId_articleId_key" ON "TextAlignment"("textId", "articleId");

