-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('EXPLANATORY_NOTE', 'IMPACT_ASSESSMENT', 'ANNEX', 'COMPARATIVE_TABLE', 'OTHER');

-- CreateTable
CREATE TABLE "AttachmentFile" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttachmentFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "DraftAttachment" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionAttachment" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "VersionAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DraftAttachment_draftId_idx" ON "DraftAttachment"("draftId");

-- CreateIndex
CREATE INDEX "VersionAttachment_versionId_idx" ON "VersionAttachment"("versionId");

-- AddForeignKey
ALTER TABLE "DraftAttachment" ADD CONSTRAINT "DraftAttachment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAttachment" ADD CONSTRAINT "DraftAttachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "AttachmentFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAttachment" ADD CONSTRAINT "DraftAttachment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionAttachment" ADD CONSTRAINT "VersionAttachment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionAttachment" ADD CONSTRAINT "VersionAttachment_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "AttachmentFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

