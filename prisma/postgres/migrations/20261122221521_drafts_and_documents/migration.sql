-- CreateEnum
CREATE TYPE "DraftKind" AS ENUM ('LAW', 'LAW_AMENDMENT', 'DECISION', 'CONCEPT', 'MODEL_REGULATION', 'COOPERATION_AGREEMENT', 'MEMORANDUM', 'PROTOCOL');

-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('DRAFTING', 'IN_CONSULTATION', 'REVISION', 'COLLEGIUM_REVIEW', 'ADOPTED', 'SIGNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AccessLevel" AS ENUM ('EDIT', 'COMMENT');

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "titleHy" TEXT,
    "titleRu" TEXT,
    "titleKa" TEXT,
    "titleEn" TEXT,
    "kind" "DraftKind" NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'DRAFTING',
    "ownerOrganizationId" TEXT NOT NULL,
    "createdById" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftAccess" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "organizationId" TEXT,
    "userId" TEXT,
    "level" "AccessLevel" NOT NULL,
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentUpdate" (
    "id" SERIAL NOT NULL,
    "draftId" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentSnapshot" (
    "draftId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "lastUpdateId" INTEGER NOT NULL DEFAULT 0,
    "outline" JSONB NOT NULL,
    "plainText" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentSnapshot_pkey" PRIMARY KEY ("draftId")
);

-- CreateIndex
CREATE INDEX "Draft_ownerOrganizationId_idx" ON "Draft"("ownerOrganizationId");

-- CreateIndex
CREATE INDEX "Draft_status_idx" ON "Draft"("status");

-- CreateIndex
CREATE UNIQUE INDEX "DraftAccess_draftId_organizationId_key" ON "DraftAccess"("draftId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "DraftAccess_draftId_userId_key" ON "DraftAccess"("draftId", "userId");

-- CreateIndex
CREATE INDEX "DocumentUpdate_draftId_id_idx" ON "DocumentUpdate"("draftId", "id");

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAccess" ADD CONSTRAINT "DraftAccess_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAccess" ADD CONSTRAINT "DraftAccess_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftAccess" ADD CONSTRAINT "DraftAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentUpdate" ADD CONSTRAINT "DocumentUpdate_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentSnapshot" ADD CONSTRAINT "DocumentSnapshot_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

