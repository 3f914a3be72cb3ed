-- AlterTable
ALTER TABLE "TeamSummary" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ADD COLUMN     "preferredLanguage" TEXT,
ADD COLUMN     "previousSignInAt" TIMESTAMP(3),
ADD COLUMN     "roleFromIdp" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "UserIdentity" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageOwnership" (
    "id" SERIAL NOT NULL,
    "pageType" TEXT NOT NULL,
    "pageId" INTEGER NOT NULL,
    "ownerId" INTEGER,
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "lastReviewedOn" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PageOwnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageReview" (
    "id" SERIAL NOT NULL,
    "pageType" TEXT NOT NULL,
    "pageId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reviewedOn" TEXT NOT NULL,
    "reviewerId" INTEGER,
    "revisionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PageReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionSuggestion" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "CorrectionSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingMail" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" INTEGER,
    "toAddress" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "deliveredVia" TEXT,
    "lastError" TEXT,

    CONSTRAINT "OutgoingMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserIdentity_userId_idx" ON "UserIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_issuer_subject_key" ON "UserIdentity"("issuer", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

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

-- AddForeignKey
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageOwnership" ADD CONSTRAINT "PageOwnership_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionSuggestion" ADD CONSTRAINT "CorrectionSuggestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
