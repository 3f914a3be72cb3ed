-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- The one row. Everything below keeps it current.
INSERT INTO "ContentVersion" ("id", "version") VALUES (1, 0);

-- Fast read path (docs/decisions/0017-fast-read-path.md): every write to a table that a signed-out
-- page shows bumps the content version, whoever writes (the portal, a script, another process),
-- in the writing transaction itself. The rendered-page cache compares it on every request.
-- app/models/content-version.server.test.ts lists these triggers and fails if one is missing (a
-- Prisma table rebuild drops a table's triggers) or if a new table is neither covered nor listed
-- as not shown to signed-out readers.
CREATE TRIGGER "content_version_OrganisationProfile_ai" AFTER INSERT ON "OrganisationProfile" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OrganisationProfile_au" AFTER UPDATE ON "OrganisationProfile" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OrganisationProfile_ad" AFTER DELETE ON "OrganisationProfile" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OrganisationText_ai" AFTER INSERT ON "OrganisationText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OrganisationText_au" AFTER UPDATE ON "OrganisationText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OrganisationText_ad" AFTER DELETE ON "OrganisationText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Value_ai" AFTER INSERT ON "Value" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Value_au" AFTER UPDATE ON "Value" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Value_ad" AFTER DELETE ON "Value" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_ValueText_ai" AFTER INSERT ON "ValueText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_ValueText_au" AFTER UPDATE ON "ValueText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_ValueText_ad" AFTER DELETE ON "ValueText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Goal_ai" AFTER INSERT ON "Goal" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Goal_au" AFTER UPDATE ON "Goal" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Goal_ad" AFTER DELETE ON "Goal" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_GoalText_ai" AFTER INSERT ON "GoalText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_GoalText_au" AFTER UPDATE ON "GoalText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_GoalText_ad" AFTER DELETE ON "GoalText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Unit_ai" AFTER INSERT ON "Unit" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Unit_au" AFTER UPDATE ON "Unit" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Unit_ad" AFTER DELETE ON "Unit" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_UnitText_ai" AFTER INSERT ON "UnitText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_UnitText_au" AFTER UPDATE ON "UnitText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_UnitText_ad" AFTER DELETE ON "UnitText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Revision_ai" AFTER INSERT ON "Revision" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Revision_au" AFTER UPDATE ON "Revision" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_Revision_ad" AFTER DELETE ON "Revision" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OnboardingStep_ai" AFTER INSERT ON "OnboardingStep" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OnboardingStep_au" AFTER UPDATE ON "OnboardingStep" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OnboardingStep_ad" AFTER DELETE ON "OnboardingStep" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OnboardingStepText_ai" AFTER INSERT ON "OnboardingStepText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OnboardingStepText_au" AFTER UPDATE ON "OnboardingStepText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_OnboardingStepText_ad" AFTER DELETE ON "OnboardingStepText" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

-- People appear on signed-out pages only by name (e.g. who last edited a text) and home unit.
CREATE TRIGGER "content_version_User_ai" AFTER INSERT ON "User" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_User_au" AFTER UPDATE OF "name", "homeUnitId", "disabledAt" ON "User" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_User_ad" AFTER DELETE ON "User" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
