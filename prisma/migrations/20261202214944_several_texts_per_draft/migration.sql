-- AlterTable
ALTER TABLE "VersionAttachment" ADD COLUMN "content" JSONB;
ALTER TABLE "VersionAttachment" ADD COLUMN "textSha256" TEXT;

-- CreateTable
CREATE TABLE "DraftText" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "textLanguage" TEXT,
    "title" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DraftText_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftText_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DocumentUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "textId" TEXT,
    "update" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentUpdate_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentUpdate_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Every existing row is of a main text, whose document id is its draft's id.
INSERT INTO "new_DocumentUpdate" ("createdAt", "documentId", "draftId", "id", "update") SELECT "createdAt", "draftId", "draftId", "id", "update" FROM "DocumentUpdate";
DROP TABLE "DocumentUpdate";
ALTER TABLE "new_DocumentUpdate" RENAME TO "DocumentUpdate";
CREATE INDEX "DocumentUpdate_documentId_id_idx" ON "DocumentUpdate"("documentId", "id");
CREATE INDEX "DocumentUpdate_draftId_idx" ON "DocumentUpdate"("draftId");
CREATE INDEX "DocumentUpdate_textId_idx" ON "DocumentUpdate"("textId");
CREATE TABLE "new_DocumentSnapshot" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "textId" TEXT,
    "state" BLOB NOT NULL,
    "lastUpdateId" INTEGER NOT NULL DEFAULT 0,
    "outline" JSONB NOT NULL,
    "plainText" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DocumentSnapshot_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentSnapshot_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DocumentSnapshot" ("documentId", "draftId", "lastUpdateId", "outline", "plainText", "state", "updatedAt") SELECT "draftId", "draftId", "lastUpdateId", "outline", "plainText", "state", "updatedAt" FROM "DocumentSnapshot";
DROP TABLE "DocumentSnapshot";
ALTER TABLE "new_DocumentSnapshot" RENAME TO "DocumentSnapshot";
CREATE UNIQUE INDEX "DocumentSnapshot_textId_key" ON "DocumentSnapshot"("textId");
CREATE INDEX "DocumentSnapshot_draftId_idx" ON "DocumentSnapshot"("draftId");
CREATE TABLE "new_DraftAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sha256" TEXT,
    "textId" TEXT,
    "position" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DraftAttachment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftAttachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "AttachmentFile" ("sha256") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DraftAttachment_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DraftAttachment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_DraftAttachment" ("createdAt", "createdById", "draftId", "fileName", "id", "kind", "mediaType", "position", "sha256", "title", "updatedAt") SELECT "createdAt", "createdById", "draftId", "fileName", "id", "kind", "mediaType", "position", "sha256", "title", "updatedAt" FROM "DraftAttachment";
DROP TABLE "DraftAttachment";
ALTER TABLE "new_DraftAttachment" RENAME TO "DraftAttachment";
CREATE UNIQUE INDEX "DraftAttachment_textId_key" ON "DraftAttachment"("textId");
CREATE INDEX "DraftAttachment_draftId_idx" ON "DraftAttachment"("draftId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DraftText_draftId_idx" ON "DraftText"("draftId");

