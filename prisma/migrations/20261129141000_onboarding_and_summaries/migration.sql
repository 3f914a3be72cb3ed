-- CreateTable
CREATE TABLE "OnboardingStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope" TEXT NOT NULL,
    "unitId" INTEGER,
    "forUserId" INTEGER,
    "createdById" INTEGER,
    "dueRule" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "contentPath" TEXT,
    "acknowledges" TEXT,
    "sourceLang" TEXT NOT NULL DEFAULT 'en',
    "archivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OnboardingStep_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OnboardingStep_forUserId_fkey" FOREIGN KEY ("forUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OnboardingStepText" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stepId" INTEGER NOT NULL,
    "lang" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceVersion" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OnboardingStepText_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "OnboardingStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OnboardingProgress" (
    "userId" INTEGER NOT NULL,
    "stepId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "blockedReason" TEXT,
    "completedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" INTEGER,

    PRIMARY KEY ("userId", "stepId"),
    CONSTRAINT "OnboardingProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OnboardingProgress_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "OnboardingStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "contentVersion" INTEGER NOT NULL,
    "acknowledgedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Acknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamSummary" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "authorId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    CONSTRAINT "TeamSummary_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamSummaryItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "summaryId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "goalId" INTEGER,
    "visionIndex" INTEGER,
    "teamText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "TeamSummaryItem_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "TeamSummary" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamSummaryItem_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" TEXT,
    CONSTRAINT "TeamTarget_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "TeamSummaryItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SummaryShareLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "summaryId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "SummaryShareLink_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "TeamSummary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'employee',
    "homeUnitId" INTEGER,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startDate" TEXT,
    "supervisorId" INTEGER,
    CONSTRAINT "User_homeUnitId_fkey" FOREIGN KEY ("homeUnitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "email", "homeUnitId", "id", "name", "passwordHash", "role", "updatedAt") SELECT "createdAt", "disabledAt", "email", "homeUnitId", "id", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_supervisorId_idx" ON "User"("supervisorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OnboardingStep_scope_unitId_idx" ON "OnboardingStep"("scope", "unitId");

-- CreateIndex
CREATE INDEX "OnboardingStep_forUserId_idx" ON "OnboardingStep"("forUserId");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingStepText_stepId_lang_key" ON "OnboardingStepText"("stepId", "lang");

-- CreateIndex
CREATE INDEX "OnboardingProgress_stepId_idx" ON "OnboardingProgress"("stepId");

-- CreateIndex
CREATE INDEX "Acknowledgement_userId_document_idx" ON "Acknowledgement"("userId", "document");

-- CreateIndex
CREATE INDEX "TeamSummary_authorId_idx" ON "TeamSummary"("authorId");

-- CreateIndex
CREATE INDEX "TeamSummaryItem_summaryId_idx" ON "TeamSummaryItem"("summaryId");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryShareLink_token_key" ON "SummaryShareLink"("token");

-- CreateIndex
CREATE INDEX "SummaryShareLink_summaryId_idx" ON "SummaryShareLink"("summaryId");


