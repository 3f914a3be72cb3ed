-- AlterTable
ALTER TABLE "User" ADD COLUMN "preferredLanguage" TEXT;

-- CreateTable
CREATE TABLE "PageOwnership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageType" TEXT NOT NULL,
    "pageId" INTEGER NOT NULL,
    "ownerId" INTEGER,
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "lastReviewedOn" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PageOwnership_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PageReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageType" TEXT NOT NULL,
    "pageId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reviewedOn" TEXT NOT NULL,
    "reviewerId" INTEGER,
    "revisionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CorrectionSuggestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageType" TEXT NOT NULL,
    "pageId" INTEGER NOT NULL,
    "lang" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "whatIsWrong" TEXT NOT NULL,
    "suggestedText" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reply" TEXT,
    "revisionId" INTEGER,
    "resolvedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "CorrectionSuggestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutgoingMail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" INTEGER,
    "toAddress" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "sentAt" DATETIME,
    "deliveredVia" TEXT,
    "lastError" TEXT
);

-- CreateIndex
CREATE INDEX "PageOwnership_ownerId_idx" ON "PageOwnership"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "PageOwnership_pageType_pageId_key" ON "PageOwnership"("pageType", "pageId");

-- CreateIndex
CREATE INDEX "PageReview_pageType_pageId_createdAt_idx" ON "PageReview"("pageType", "pageId", "createdAt");

-- CreateIndex
CREATE INDEX "CorrectionSuggestion_pageType_pageId_status_idx" ON "CorrectionSuggestion"("pageType", "pageId", "status");

-- CreateIndex
CREATE INDEX "CorrectionSuggestion_authorId_idx" ON "CorrectionSuggestion"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingMail_dedupeKey_key" ON "OutgoingMail"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutgoingMail_messageId_key" ON "OutgoingMail"("messageId");

-- CreateIndex
CREATE INDEX "OutgoingMail_sentAt_nextAttemptAt_idx" ON "OutgoingMail"("sentAt", "nextAttemptAt");
