-- AlterTable
ALTER TABLE "DraftVersion" ADD COLUMN     "authoritativeDocumentId" TEXT,
ADD COLUMN     "setSha256" TEXT,
ADD COLUMN     "textLanguage" TEXT;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "versionTextId" TEXT;

-- CreateTable
CREATE TABLE "VersionText" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "textId" TEXT,
    "documentId" TEXT NOT NULL,
    "textLanguage" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "plainText" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "VersionText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VersionText_versionId_idx" ON "VersionText"("versionId");

-- CreateIndex
CREATE INDEX "VersionText_textId_idx" ON "VersionText"("textId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_versionTextId_fkey" FOREIGN KEY ("versionTextId") REFERENCES "VersionText"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionText" ADD CONSTRAINT "VersionText_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionText" ADD CONSTRAINT "VersionText_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText"("id") ON DELETE SET NULL ON UPDATE CASCADE;

