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

-- The search as in 20261203160000_site_search_terms, except that two more of its statements keep
-- one plan between calls: finding a word's terms, and the rank of a query of one or two words.
CREATE OR REPLACE FUNCTION "search_find"(words text[], rank_all_up_to int, wanted int, reader_lang text,
                              page_offset int, page_size int)
  RETURNS TABLE ("rows" int, "things" int, "id" text, "docKey" text, "lang" text, "title" text,
                 "summary" text, "body" text, "slug" text, "kind" text, "goalPosition" int)
  LANGUAGE plpgsql STABLE
  -- The statements whose best plan depends on the words are planned each time (EXECUTE); the
  -- others keep one plan from the first call instead of being planned afresh for the first five.
  SET plan_cache_mode = force_generic_plan
  -- A scan of a table larger than a quarter of shared_buffers otherwise starts where the last
  -- one stopped: the probe's "first rows" (and so its count) changed from call to call, and a
  -- scan starting mid-table read up to nine times as many rows.
  SET synchronize_seqscans = off
  AS $$
#variable_conflict use_column
DECLARE
  long_words text[] := ARRAY(SELECT w FROM unnest(words) AS w WHERE length(w) >= 3);
  -- Words of one or two characters, as LIKE patterns (letters and digits: nothing to escape).
  short_patterns text[] := ARRAY(SELECT '%' || w || '%' FROM unnest(words) AS w WHERE length(w) < 3);
  wanted_terms tsquery;
  word_terms tsquery;
  word text;
  -- The rows holding every word, as SQL on "search_match" m: $1 is wanted_terms, $2 the patterns.
  -- Built once, with only the conditions there are: a LIKE on no pattern still joins four texts
  -- a row.
  holding text;
  in_names text;
  found_rows int;
  found_things int;
  found_ids bigint[];
  picked bigint[];
BEGIN
  FOREACH word IN ARRAY long_words LOOP
    -- The word's terms, any of them. Terms hold no quote or backslash (those split terms), so each
    -- quoted is one lexeme, exactly. One plan for every word, through the trigram index (a word
    -- has three characters or more, so at least one trigram).
    SELECT string_agg(quote_literal(t."term"), ' | ')::tsquery INTO word_terms
      FROM "search_term" t WHERE t."term" LIKE '%' || word || '%';
    IF word_terms IS NULL THEN
      -- No text holds this word.
      RETURN QUERY SELECT 0, 0, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
                          NULL::text, NULL::text, NULL::int;
      RETURN;
    END IF;
    wanted_terms := CASE WHEN wanted_terms IS NULL THEN word_terms ELSE wanted_terms && word_terms END;
  END LOOP;

  holding := concat_ws(' AND ',
    CASE WHEN wanted_terms IS NOT NULL THEN 'm."terms" @@ $1' END,
    CASE WHEN cardinality(short_patterns) > 0 THEN
      '(m."title_f" || E''\n'' || m."summary_f" || E''\n'' || m."names_f" || E''\n'' || m."body_f") LIKE ALL ($2)' END);
  -- Words of three or more characters in the name or the names in other languages.
  in_names := replace(holding, 'm."terms" @@', 'm."name_terms" @@');

  -- Each statement is planned with this search's values (EXECUTE): the plan for a common word
  -- (read the table in order, stop at the limit) is not the plan for a rare one (the index).
  -- With only words of one or two characters every row is read (there is no index for them):
  -- the probe keeps the rows it found, which are then all of them when there are few.
  EXECUTE 'SELECT count(*), count(DISTINCT p."thing"), '
          || CASE WHEN wanted_terms IS NULL THEN 'array_agg(p."rowid" ORDER BY p."rowid")' ELSE 'NULL::bigint[]' END
          || ' FROM (SELECT m."rowid", m."thing" FROM "search_match" m WHERE ' || holding || ' LIMIT $3) AS p'
     INTO found_rows, found_things, found_ids USING wanted_terms, short_patterns, rank_all_up_to + 1;

  IF found_rows <= rank_all_up_to AND wanted_terms IS NULL THEN
    -- Every row holding the short words, in index order (no rank, as on SQLite).
    picked := COALESCE(found_ids[1:wanted], '{}');
  ELSIF found_rows <= rank_all_up_to AND cardinality(words) <= 2 THEN
    -- Most queries have one or two words: their rank keeps one plan. Planned each call, the rank
    -- expression cost 0.3 ms a word, more than ranking a few hundred rows (a missing second word
    -- ranks 0).
    picked := ARRAY(
      SELECT m."rowid" FROM "search_match" m
       WHERE m."terms" @@ wanted_terms
         AND (cardinality(short_patterns) = 0
              OR (m."title_f" || E'\n' || m."summary_f" || E'\n' || m."names_f" || E'\n' || m."body_f") LIKE ALL (short_patterns))
       ORDER BY "search_word_rank"(m, words[1]) + "search_word_rank"(m, words[2]) DESC, m."rowid"
       LIMIT wanted);
  ELSIF found_rows <= rank_all_up_to THEN
    -- One rank term a word, planned for this many words.
    EXECUTE 'SELECT ARRAY(SELECT m."rowid" FROM "search_match" m WHERE ' || holding || ' ORDER BY '
            || (SELECT string_agg(format('"search_word_rank"(m, $3[%s])', i), ' + ') FROM generate_subscripts(words, 1) AS i)
            || ' DESC, m."rowid" LIMIT $4)'
       INTO picked USING wanted_terms, short_patterns, words, wanted;
  ELSE
    -- Broad: the name matches first, then the others, each in index order.
    EXECUTE 'SELECT ARRAY(SELECT m."rowid" FROM "search_match" m WHERE ' || in_names || ' ORDER BY m."rowid" LIMIT $3)'
       INTO picked USING wanted_terms, short_patterns, wanted;
    IF cardinality(picked) < wanted THEN
      EXECUTE 'SELECT $3 || ARRAY(SELECT m."rowid" FROM "search_match" m WHERE ' || holding || '
                 AND m."rowid" <> ALL ($3) ORDER BY m."rowid" LIMIT $4)'
         INTO picked USING wanted_terms, short_patterns, picked, wanted - cardinality(picked);
    END IF;
  END IF;

  RETURN QUERY SELECT found_rows, found_things, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
                      NULL::text, NULL::text, NULL::text, NULL::int;
  RETURN QUERY
    WITH candidate AS (
      SELECT p."rowid", p."place", m."thing", m."lang" = reader_lang AS "inReaderLang"
        FROM unnest(picked) WITH ORDINALITY AS p("rowid", "place")
        JOIN "search_match" m ON m."rowid" = p."rowid"),
    best AS (
      SELECT DISTINCT ON (c."thing") c."rowid", min(c."place") OVER (PARTITION BY c."thing") AS "thingPlace"
        FROM candidate c
       ORDER BY c."thing", c."inReaderLang" DESC, c."place"),
    page AS (SELECT b.* FROM best b ORDER BY b."thingPlace" LIMIT page_size OFFSET page_offset)
    SELECT NULL::int, NULL::int, f."rowid"::text, f."doc_key", f."lang", f."title", f."summary", f."body",
           -- Looked up row by row: a join would read the whole Unit table for a page of results.
           (SELECT x."slug" FROM "Unit" x WHERE f."rowid" BETWEEN 1000000000 AND 1999999999 AND x."id" = (f."rowid" - 1000000000) / 4),
           (SELECT x."kind" FROM "Unit" x WHERE f."rowid" BETWEEN 1000000000 AND 1999999999 AND x."id" = (f."rowid" - 1000000000) / 4),
           (SELECT x."position" FROM "Goal" x WHERE f."rowid" >= 4000000000 AND x."id" = (f."rowid" - 4000000000) / 4)
      FROM page JOIN "search_index" f ON f."rowid" = page."rowid"
     ORDER BY page."thingPlace";
END;
$$;
