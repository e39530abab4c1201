-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "textLanguage" TEXT NOT NULL DEFAULT 'hy';

