-- CreateTable
CREATE TABLE "DeploymentText" (
    "key" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "DeploymentText_pkey" PRIMARY KEY ("key","locale")
);

