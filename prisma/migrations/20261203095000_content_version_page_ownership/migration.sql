-- Page owners and check dates are shown to signed-out readers ("Owner: … · Checked …" and the
-- overdue notice), so writes to PageOwnership bump the content version like the other shown tables
-- (docs/decisions/0017-fast-read-path.md). The owner's name is covered by the User triggers.
CREATE TRIGGER "content_version_PageOwnership_ai" AFTER INSERT ON "PageOwnership" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_PageOwnership_au" AFTER UPDATE ON "PageOwnership" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
CREATE TRIGGER "content_version_PageOwnership_ad" AFTER DELETE ON "PageOwnership" BEGIN
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
