-- CreateTable
CREATE TABLE "AgreementSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "signedOn" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementSignature_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreementSignature_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreementSignatory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "signatureId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "organization" TEXT NOT NULL,
    CONSTRAINT "AgreementSignatory_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "AgreementSignature" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AgreementSignature_draftId_key" ON "AgreementSignature"("draftId");

-- CreateIndex
CREATE INDEX "AgreementSignatory_signatureId_ordinal_idx" ON "AgreementSignatory"("signatureId", "ordinal");

