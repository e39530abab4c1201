-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Draft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "titleHy" TEXT,
    "titleRu" TEXT,
    "titleKa" TEXT,
    "titleEn" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFTING',
    "ownerOrganizationId" TEXT NOT NULL,
    "createdById" TEXT,
    "textLanguage" TEXT NOT NULL DEFAULT 'hy',
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Draft_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Draft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Draft" ("createdAt", "createdById", "id", "kind", "ownerOrganizationId", "searchText", "status", "titleEn", "titleHy", "titleKa", "titleRu", "updatedAt") SELECT "createdAt", "createdById", "id", "kind", "ownerOrganizationId", "searchText", "status", "titleEn", "titleHy", "titleKa", "titleRu", "updatedAt" FROM "Draft";
DROP TABLE "Draft";
ALTER TABLE "new_Draft" RENAME TO "Draft";
CREATE INDEX "Draft_ownerOrganizationId_idx" ON "Draft"("ownerOrganizationId");
CREATE INDEX "Draft_status_idx" ON "Draft"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

