-- Site search on PostgreSQL: "search_match" with the columns a search tests first in each row
-- (docs/decisions/0015-postgresql-and-two-schemas.md).
--
-- A row is read column by column: to reach "terms" the server stepped over the four folded texts
-- before it, each in another part of the row, and at 10,000 units that cost as much as testing
-- the terms: about 0.3 µs a row, of the 1,700-3,900 rows the probe reads for a common word.
-- With the terms right after the fixed-width columns, a search reads the texts only to rank.

DROP FUNCTION "search_word_rank"("search_match", text);

CREATE TABLE "search_match_new" (
    "rowid" BIGINT NOT NULL,
    "thing" BIGINT NOT NULL,
    "terms" tsvector NOT NULL,
    "name_terms" tsvector NOT NULL,
    "lang" TEXT NOT NULL,
    "title_f" TEXT NOT NULL,
    "summary_f" TEXT NOT NULL,
    "names_f" TEXT NOT NULL,
    "body_f" TEXT NOT NULL
);
INSERT INTO "search_match_new" ("rowid", "thing", "terms", "name_terms", "lang", "title_f", "summary_f", "names_f", "body_f")
SELECT "rowid", "thing", "terms", "name_terms", "lang", "title_f", "summary_f", "names_f", "body_f"
  FROM "search_match";
DROP TABLE "search_match";
ALTER TABLE "search_match_new" RENAME TO "search_match";
ALTER TABLE "search_match" ADD CONSTRAINT "search_match_pkey" PRIMARY KEY ("rowid");
CREATE INDEX "search_match_terms" ON "search_match" USING gin ("terms") WITH (fastupdate = off);
CREATE INDEX "search_match_name_terms" ON "search_match" USING gin ("name_terms") WITH (fastupdate = off);

-- As before; its argument is the table's row type.
CREATE FUNCTION "search_word_rank"(m "search_match", word text)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT 10 * "search_column_rank"(m."title_f", word, 20) + 4 * "search_column_rank"(m."summary_f", word, 150)
      + 3 * "search_column_rank"(m."names_f", word, 60) + "search_column_rank"(m."body_f", word, 600)
      + CASE WHEN m."terms" @@ quote_literal(word)::tsquery THEN 0.1 ELSE 0 END
  $$;

ANALYZE "search_match";
