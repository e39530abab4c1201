-- CreateTable
CREATE TABLE "TextAlignment" (
    "id" TEXT NOT NULL,
    "textId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "mainText" TEXT NOT NULL,
    "otherText" TEXT NOT NULL,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextAlignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TextAlignment_textId_articleId_key" ON "TextAlignment"("textId", "articleId");

-- AddForeignKey
ALTER TABLE "TextAlignment" ADD CONSTRAINT "TextAlignment_textId_fkey" FOREIGN KEY ("textId") REFERENCES "DraftText"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextAlignment" ADD CONSTRAINT "TextAlignment_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

