-- Site search on PostgreSQL, within a few milliseconds at 10,000 units, with the same results
-- (docs/decisions/0015-postgresql-and-two-schemas.md).
--
-- Words are found through an index of whole terms, with no recheck of each row's text. A query
-- word is letters and digits only (app/utils/search-text.ts queryWords), so wherever it occurs in
-- a folded text it lies inside one run of characters that are not ASCII punctuation, space or
-- control characters: a "term". A text holds a word exactly when one of its terms contains it:
-- - "search_term" lists every term indexed, with a trigram index: the terms containing a word are
--   found there, among a few tens of thousands of short strings;
-- - a row's terms are a tsvector of them as they are (no parser, no stemming), and
--   `terms @@ ('t1' | 't2' | …)` is answered exactly by a GIN index.
-- At 10,000 units the first query of a search (the first 501 rows holding every word) took
-- 3.5-7.5 ms through the trigram index on the texts, each candidate row's text rechecked with
-- LIKE; through the terms it takes 0.3-1.6 ms, and the whole search 0.2-3 ms in the server.
-- Words of one or two characters are matched with LIKE, as on SQLite.
--
-- What a search reads lives in a narrow table, "search_match", kept from "search_index" by
-- triggers: a row of "search_index" holds the texts twice (as written and folded) and is moved to
-- TOAST storage piece by piece, and reading a TOASTed value cost ~14 µs a row against ~0.3 µs for
-- a row of "search_match". "search_index" keeps the texts shown in results and the directory's
-- filter column; its folded copies of the texts, its trigram indexes on them and the old rank go.

-- A text's terms. Terms longer than 500 characters are indexed as overlapping 500-character
-- pieces (a query word has at most 200): a tsvector term is limited to 2 kB, 4 bytes a character
-- at worst.
CREATE FUNCTION "search_terms"(folded text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT array_to_tsvector(COALESCE(array_agg(DISTINCT substr(t.term, p.start, 500)), '{}'))
      FROM regexp_split_to_table(folded, '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+') AS t(term),
           generate_series(1, greatest(1, length(t.term) - 200), 300) AS p(start)
     WHERE t.term <> ''
  $$;

CREATE TABLE "search_match" (
    "rowid" BIGINT NOT NULL PRIMARY KEY,
    "lang" TEXT NOT NULL,
    -- What one result is: a unit's, value's or goal's rows in every language are one (rowid / 4);
    -- an organisation text's rows share its key, as a negative number (a 62-bit hash of the key),
    -- so that counting things compares numbers, not texts.
    "thing" BIGINT NOT NULL,
    "title_f" TEXT NOT NULL,
    "summary_f" TEXT NOT NULL,
    "names_f" TEXT NOT NULL,
    "body_f" TEXT NOT NULL,
    "terms" tsvector NOT NULL,
    "name_terms" tsvector NOT NULL
);

-- Every term indexed. Terms are added as rows are written and not removed: a term no row holds
-- any more matches nothing; pgRebuildSearchIndex (search-postgres.server.ts) starts afresh.
CREATE TABLE "search_term" ("term" TEXT NOT NULL PRIMARY KEY);

-- Follows "search_index": its rows are inserted and deleted (search_index_unit and the text
-- triggers delete and insert), and an update is followed as a delete and an insert.
CREATE FUNCTION "search_match_changed"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM "search_match" m USING removed r WHERE m."rowid" = r."rowid";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "search_match" ("rowid", "lang", "thing", "title_f", "summary_f", "names_f", "body_f", "terms", "name_terms")
    SELECT f."rowid", f."lang", f."thing", f."title_f", f."summary_f", f."names_f", f."body_f",
           "search_terms"(f."title_f" || E'\n' || f."summary_f" || E'\n' || f."names_f" || E'\n' || f."body_f"),
           "search_terms"(f."title_f" || E'\n' || f."names_f")
      FROM (SELECT a."rowid", a."lang",
                   CASE WHEN a."rowid" >= 2000000000 AND a."rowid" < 3000000000
                        THEN -1 - (hashtextextended(a."doc_key", 0) & 4611686018427387903) ELSE a."rowid" / 4 END AS "thing",
                   "search_fold"(a."title") AS "title_f", "search_fold"(a."summary") AS "summary_f",
                   "search_fold"(a."names") AS "names_f", "search_fold"(a."body") AS "body_f"
              FROM added a) AS f;
    -- In order, so that two transactions adding the same new terms wait for each other instead
    -- of deadlocking.
    INSERT INTO "search_term" ("term")
    SELECT DISTINCT t FROM "search_match" m JOIN added a ON a."rowid" = m."rowid", unnest(tsvector_to_array(m."terms")) AS t
     ORDER BY t
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "search_match_inserted" AFTER INSERT ON "search_index"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "search_match_changed"();
CREATE TRIGGER "search_match_deleted" AFTER DELETE ON "search_index"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "search_match_changed"();
CREATE TRIGGER "search_match_updated" AFTER UPDATE ON "search_index"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "search_match_changed"();

-- Ranking, in the spirit of SQLite's bm25(0, 0, 10, 4, 3, 1): each word's occurrences in each
-- column, saturating and scaled by the column's length, a name match worth ten body matches; a
-- word that is a whole term adds a little. Plain expressions, which the planner inlines: a
-- function call per row and word cost ~0.1 ms a row.
CREATE FUNCTION "search_column_rank"(text_f text, word text, typical_length double precision)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    -- tf / (tf + k), written so that tf (the word's occurrences, counted in bytes removed) is
    -- computed once.
    SELECT CASE WHEN word IS NULL OR word = '' OR strpos(text_f, word) = 0 THEN 0
      ELSE 1 - (1.2 * (0.25 + 0.75 * octet_length(text_f)::double precision / typical_length))
             / ((octet_length(text_f) - octet_length(replace(text_f, word, '')))::double precision / octet_length(word)
                + 1.2 * (0.25 + 0.75 * octet_length(text_f)::double precision / typical_length)) END
  $$;

CREATE FUNCTION "search_word_rank"(m "search_match", word text)
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT 10 * "search_column_rank"(m."title_f", word, 20) + 4 * "search_column_rank"(m."summary_f", word, 150)
      + 3 * "search_column_rank"(m."names_f", word, 60) + "search_column_rank"(m."body_f", word, 600)
      + CASE WHEN m."terms" @@ quote_literal(word)::tsquery THEN 0.1 ELSE 0 END
  $$;

-- The whole search in one call, one round trip, with plans the server keeps between calls. The
-- decisions are those of the SQLite path in app/models/search.server.ts:
-- 1. the probe: of the first `rank_all_up_to + 1` rows holding every word, how many, and how many
--    things they are;
-- 2. a narrow query (no more rows than that) has every row ranked; a broad one gets the rows
--    matching in a name first, then the others, each in index (rowid) order;
-- 3. of the first `wanted` rows picked, one per thing, in the place of its best row: the row in
--    the reader's language when one matched, else the best; the page's ones with their texts.
-- The first row returned carries the counts; the rows after it are the page's, in order.
-- `words` are the query's words as queryWords makes them (folded, letters and digits, at most 8).
CREATE FUNCTION "search_find"(words text[], rank_all_up_to int, wanted int, reader_lang text,
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
    -- quoted is one lexeme, exactly. Planned with the word (EXECUTE), so that the trigram index is
    -- used: a plan made for any word scans the whole list.
    EXECUTE 'SELECT string_agg(quote_literal("term"), '' | '')::tsquery FROM "search_term" WHERE "term" LIKE $1'
       INTO word_terms USING '%' || word || '%';
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
  ELSIF found_rows <= rank_all_up_to THEN
    -- One rank term a word: planning the expression costs as much as running it.
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

-- Replaced by search_match and the functions above. The folded copies move to search_match:
-- without them a row of search_index (the texts shown in results, the directory's column) fits
-- in the page, and the texts of a page of results are read without TOAST lookups.
DROP FUNCTION "search_probe"(text[], int);
DROP FUNCTION "search_rank"(text, text, text, text, tsvector, text[]);
DROP FUNCTION "search_tf"(text, text, double precision);
DROP INDEX "search_index_all_trgm";
DROP INDEX "search_index_name_trgm";
ALTER TABLE "search_index" DROP COLUMN "all_f", DROP COLUMN "words", DROP COLUMN "title_f", DROP COLUMN "summary_f",
  DROP COLUMN "names_f", DROP COLUMN "body_f";

-- A rebuild writes every row: with the indexes below kept up to date row by row it took 21 s at
-- 10,000 units, collecting the new entries and merging them once 8 s. So the rebuild turns the
-- pending lists on for its duration and merges them before it ends.
ALTER FUNCTION "search_index_rebuild"() RENAME TO "search_index_rewrite";
CREATE FUNCTION "search_index_rebuild"() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  gin text;
  gins text[] := ARRAY['search_match_terms', 'search_match_name_terms', 'search_term_trgm', 'search_index_directory_trgm'];
BEGIN
  FOREACH gin IN ARRAY gins LOOP
    IF to_regclass(gin) IS NOT NULL THEN EXECUTE format('ALTER INDEX %I SET (fastupdate = on)', gin); END IF;
  END LOOP;
  PERFORM "search_index_rewrite"();
  FOREACH gin IN ARRAY gins LOOP
    IF to_regclass(gin) IS NOT NULL THEN
      PERFORM gin_clean_pending_list(to_regclass(gin));
      EXECUTE format('ALTER INDEX %I SET (fastupdate = off)', gin);
    END IF;
  END LOOP;
END;
$$;

-- Every row written again, in the narrower shape; the triggers fill search_match and the terms.
SELECT "search_index_rewrite"();

-- Built after the rows, and without fastupdate: a GIN index otherwise collects new entries in a
-- pending list, read in full by every search until a vacuum merges it, and the planner, seeing
-- it, scans the table instead. Writes here are a few rows a save.
CREATE INDEX "search_match_terms" ON "search_match" USING gin ("terms") WITH (fastupdate = off);
CREATE INDEX "search_match_name_terms" ON "search_match" USING gin ("name_terms") WITH (fastupdate = off);
CREATE INDEX "search_term_trgm" ON "search_term" USING gin ("term" gin_trgm_ops) WITH (fastupdate = off);
-- The same for the directory's filter, whose pending list the rewrite just filled.
SELECT gin_clean_pending_list('search_index_directory_trgm');
ALTER INDEX "search_index_directory_trgm" SET (fastupdate = off);

ANALYZE "search_index";
ANALYZE "search_match";
ANALYZE "search_term";
