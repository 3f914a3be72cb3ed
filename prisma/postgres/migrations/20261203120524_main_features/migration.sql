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

-- The one content version row (docs/decisions/0017-fast-read-path.md).
INSERT INTO "ContentVersion" ("id", "version") VALUES (1, 0);

-- Every write to a table that a signed-out page shows bumps the content version, whoever writes,
-- in the writing transaction, as on SQLite. The version row is one row every content write locks
-- until it commits; write transactions already run one at a time (an advisory lock each takes
-- first, app/utils/postgres-connection.server.ts), as on SQLite. The trigger names match SQLite's:
-- app/models/content-version.server.test.ts checks them on both databases.
CREATE FUNCTION "content_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "content_version_OrganisationProfile_ai" AFTER INSERT ON "OrganisationProfile"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OrganisationProfile_au" AFTER UPDATE ON "OrganisationProfile"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OrganisationProfile_ad" AFTER DELETE ON "OrganisationProfile"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OrganisationText_ai" AFTER INSERT ON "OrganisationText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OrganisationText_au" AFTER UPDATE ON "OrganisationText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OrganisationText_ad" AFTER DELETE ON "OrganisationText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Value_ai" AFTER INSERT ON "Value"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Value_au" AFTER UPDATE ON "Value"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Value_ad" AFTER DELETE ON "Value"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_ValueText_ai" AFTER INSERT ON "ValueText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_ValueText_au" AFTER UPDATE ON "ValueText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_ValueText_ad" AFTER DELETE ON "ValueText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Goal_ai" AFTER INSERT ON "Goal"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Goal_au" AFTER UPDATE ON "Goal"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Goal_ad" AFTER DELETE ON "Goal"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_GoalText_ai" AFTER INSERT ON "GoalText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_GoalText_au" AFTER UPDATE ON "GoalText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_GoalText_ad" AFTER DELETE ON "GoalText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Unit_ai" AFTER INSERT ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Unit_au" AFTER UPDATE ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Unit_ad" AFTER DELETE ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_UnitText_ai" AFTER INSERT ON "UnitText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_UnitText_au" AFTER UPDATE ON "UnitText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_UnitText_ad" AFTER DELETE ON "UnitText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Revision_ai" AFTER INSERT ON "Revision"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Revision_au" AFTER UPDATE ON "Revision"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_Revision_ad" AFTER DELETE ON "Revision"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OnboardingStep_ai" AFTER INSERT ON "OnboardingStep"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OnboardingStep_au" AFTER UPDATE ON "OnboardingStep"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OnboardingStep_ad" AFTER DELETE ON "OnboardingStep"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OnboardingStepText_ai" AFTER INSERT ON "OnboardingStepText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OnboardingStepText_au" AFTER UPDATE ON "OnboardingStepText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_OnboardingStepText_ad" AFTER DELETE ON "OnboardingStepText"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_User_ai" AFTER INSERT ON "User"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_User_au" AFTER UPDATE OF "name", "homeUnitId", "disabledAt" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_User_ad" AFTER DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_PageOwnership_ai" AFTER INSERT ON "PageOwnership"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_PageOwnership_au" AFTER UPDATE ON "PageOwnership"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();

CREATE TRIGGER "content_version_PageOwnership_ad" AFTER DELETE ON "PageOwnership"
  FOR EACH ROW EXECUTE FUNCTION "content_version_bump"();
