-- CreateEnum
CREATE TYPE "DraftTextRole" AS ENUM ('ATTACHMENT', 'LANGUAGE');

-- DropIndex
DROP INDEX "DocumentUpdate_draftId_id_idx";

-- AlterTable
-- Every existing row is of a main text, whose document id is its draft's id.
ALTER TABLE "DocumentUpdate" ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "textId" TEXT;
UPDATE "DocumentUpdate" SET "documentId" = "draftId";
ALTER TABLE "DocumentUpdate" ALTER COLUMN "documentId" SET NOT NULL;

-- AlterTable
ALTER TABLE "DocumentSnapshot" DROP CONSTRAINT "DocumentSnapshot_pkey",
ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "textId" TEXT;
UPDATE "DocumentSnapshot" SET "documentId" = "draftId";
ALTER TABLE "DocumentSnapshot" ALTER COLUMN "documentId" SET NOT NULL,
ADD CONSTRAINT "DocumentSnapshot_pkey" PRIMARY KEY ("documentId");

-- AlterTable
ALTER TABLE "DraftAttachment" ADD COLUMN     "textId" TEXT,
ALTER COLUMN "sha256" DROP NOT NULL;

-- AlterTable
ALTER TABLE "VersionAttachment" ADD COLUMN     "content" JSONB,
ADD COLUMN     "textSha256" TEXT;

-- CreateTable
CREATE TABLE "DraftText" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "role" "DraftTextRole" NOT NULL,
    "textLanguage" TEXT,
    "title" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DraftText_draftId_idx" ON "DraftText"("draftId");

-- CreateIndex
CREATE INDEX "DocumentUpdate_documentId_id_idx" ON "DocumentUpdate"("documentId", "id");

-- CreateIndex
CREATE INDEX "DocumentUpdate_draftId_idx" ON "DocumentUpdate"("draftId");

-- CreateIndex
CREATE INDEX "DocumentUpdate_textId_idx" ON "DocumentUpdate"("textId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSnapshot_textId_key" ON "DocumentSnapshot"("textId");

-- CreateIndex
CREATE INDEX "DocumentSnapshot_draftId_idx" ON "DocumentSnapshot"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "DraftAttachment_textId_key" ON "DraftAttachment"("textId");

-- AddForeignKey
ALTER TABLE "DraftText" ADD CONSTRAINT "DraftText_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftText" ADD CONSTRAINT "DraftText_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentUpdate" ADD CONSTRAINT "DocumentUpdate_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentSnapshot" ADD CONSTRAINT "DocumentSnapshot_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAttachment" ADD CONSTRAINT "DraftAttachment_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

