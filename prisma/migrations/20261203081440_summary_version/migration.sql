-- Goal summaries get an optimistic lock: every save names the version it was based on.
ALTER TABLE "TeamSummary" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
