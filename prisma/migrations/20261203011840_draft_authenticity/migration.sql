-- AlterTable
ALTER TABLE "Draft" ADD COLUMN "authoritativeDocumentId" TEXT;

