-- CreateEnum
CREATE TYPE "SearchKind" AS ENUM ('DRAFT', 'ROUND', 'COMMENT', 'PROPOSAL');

-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SearchKind" NOT NULL,
    "draftId" TEXT NOT NULL,
    "roundId" TEXT,
    "threadId" TEXT,
    "commentId" TEXT,
    "proposalId" TEXT,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ConsultationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text index (hand-written, decision 009): a generated tsvector of the folded words
-- with the 'simple' configuration (no stemming: Armenian and Georgian have no stemmer),
-- and a GIN index on it. Prisma does not know the column; search queries use it directly.
ALTER TABLE "SearchEntry" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "text")) STORED;

CREATE INDEX "SearchEntry_searchVector_idx" ON "SearchEntry" USING GIN ("searchVector");
