-- Site search on PostgreSQL: the rows holding a one-word query found in row id order from a list
-- of postings, instead of by testing every row's terms
-- (docs/decisions/0015-postgresql-and-two-schemas.md).
--
-- A search first needs the first 501 rows holding its words ("the probe"). It read "search_match"
-- in storage order and tested each row's terms: about 0.45 µs a row at 10,000 units, and a word
-- held by one row in seven read 3,700 rows (1.7-2 ms) for its 501. "search_posting" has one row
-- per term and row of "search_match", and an index in (term, rowid) order that also holds the
-- thing: the first rows holding each of the word's terms are read from a few index pages, and
-- the first 501 of them kept. A one-word search now takes 0.5-1.2 ms in the server at 10,000
-- units, where it took 0.9-2.9 ms. The first rows are the first in row id order, as on SQLite, so
-- the "at least N" of a broad one-word search is SQLite's too.
--
-- Queries of several words, with a word of one or two characters, or with a word in more than 16
-- terms are searched as before: the index of terms finds the rows holding several words at once,
-- where the postings of common words would be read to their ends when few rows hold them all.
--
-- A query of words of one or two characters only (no index serves them) reads "search_text", each
-- row's folded texts joined, instead of joining them in every row it tests: the probe of
-- "' OR 1=1 --" ("or", "1") took 4.5 ms instead of 10.7, and a scan of every row 33 ms instead of
-- 50, measured together.

CREATE TABLE "search_posting" (
    "term" TEXT NOT NULL,
    "rowid" BIGINT NOT NULL,
    "thing" BIGINT NOT NULL,
    -- The term is also in the row's name (its "name_terms"): the broad search lists those first.
    "in_name" BOOLEAN NOT NULL
);

CREATE TABLE "search_text" (
    "rowid" BIGINT NOT NULL PRIMARY KEY,
    "thing" BIGINT NOT NULL,
    -- The folded title, summary, names and body, one per line (a word has no line break in it).
    "text_f" TEXT NOT NULL
);

-- A row's postings, from its terms.
CREATE FUNCTION "search_postings_of"(row_id bigint, row_thing bigint, row_terms tsvector, row_name_terms tsvector)
  RETURNS TABLE ("term" text, "rowid" bigint, "thing" bigint, "in_name" boolean)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT t.term, row_id, row_thing, t.term = ANY (n.names)
      FROM (SELECT tsvector_to_array(row_name_terms) AS names) AS n, unnest(tsvector_to_array(row_terms)) AS t(term)
  $$;

-- Both follow "search_match", whose rows are only inserted and deleted (search_match_changed).
CREATE FUNCTION "search_lookup_changed"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "search_posting" p
     USING removed r, unnest(tsvector_to_array(r."terms")) AS t(term)
     WHERE p."term" = t.term AND p."rowid" = r."rowid";
    DELETE FROM "search_text" x USING removed r WHERE x."rowid" = r."rowid";
  ELSE
    -- No two transactions write the same posting: a row id is one text's, whose writers wait for
    -- each other on its rows of "search_index".
    INSERT INTO "search_posting" ("term", "rowid", "thing", "in_name")
    SELECT p.* FROM added a, "search_postings_of"(a."rowid", a."thing", a."terms", a."name_terms") AS p;
    INSERT INTO "search_text" ("rowid", "thing", "text_f")
    SELECT a."rowid", a."thing", a."title_f" || E'\n' || a."summary_f" || E'\n' || a."names_f" || E'\n' || a."body_f"
      FROM added a;
  END IF;
  RETURN NULL;
END;
$$;

INSERT INTO "search_posting" ("term", "rowid", "thing", "in_name")
SELECT p.* FROM "search_match" m, "search_postings_of"(m."rowid", m."thing", m."terms", m."name_terms") AS p;
INSERT INTO "search_text" ("rowid", "thing", "text_f")
SELECT m."rowid", m."thing", m."title_f" || E'\n' || m."summary_f" || E'\n' || m."names_f" || E'\n' || m."body_f"
  FROM "search_match" m;

CREATE TRIGGER "search_lookup_inserted" AFTER INSERT ON "search_match"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "search_lookup_changed"();
CREATE TRIGGER "search_lookup_deleted" AFTER DELETE ON "search_match"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "search_lookup_changed"();

-- The thing is in the index, so that the probe reads no table rows once a vacuum has marked the
-- pages all-visible; the names first (a broad search) read their own, smaller index.
CREATE UNIQUE INDEX "search_posting_order" ON "search_posting" ("term", "rowid") INCLUDE ("thing");
CREATE INDEX "search_posting_name_order" ON "search_posting" ("term", "rowid") INCLUDE ("thing") WHERE "in_name";

-- A rebuild writes every posting again (1.4 million at 10,000 units): the indexes are built once
-- after the rows instead of entry by entry.
CREATE OR REPLACE FUNCTION "search_index_rebuild"() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  gin text;
  gins text[] := ARRAY['search_match_terms', 'search_match_name_terms', 'search_term_trgm', 'search_index_directory_trgm'];
BEGIN
  FOREACH gin IN ARRAY gins LOOP
    IF to_regclass(gin) IS NOT NULL THEN EXECUTE format('ALTER INDEX %I SET (fastupdate = on)', gin); END IF;
  END LOOP;
  DROP INDEX IF EXISTS "search_posting_order";
  DROP INDEX IF EXISTS "search_posting_name_order";
  TRUNCATE "search_posting", "search_text";
  PERFORM "search_index_rewrite"();
  CREATE UNIQUE INDEX "search_posting_order" ON "search_posting" ("term", "rowid") INCLUDE ("thing");
  CREATE INDEX "search_posting_name_order" ON "search_posting" ("term", "rowid") INCLUDE ("thing") WHERE "in_name";
  FOREACH gin IN ARRAY gins LOOP
    IF to_regclass(gin) IS NOT NULL THEN
      PERFORM gin_clean_pending_list(to_regclass(gin));
      EXECUTE format('ALTER INDEX %I SET (fastupdate = off)', gin);
    END IF;
  END LOOP;
END;
$$;

-- The search as in 20261203160000_site_search_terms, except that two more of its statements keep
-- one plan between calls (finding a word's terms, and the rank of a query of one or two words),
-- a query of one word reads the postings, and one of only short words the joined texts.
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
  -- Worker processes take longer to start than a search takes.
  SET max_parallel_workers_per_gather = 0
  AS $$
#variable_conflict use_column
DECLARE
  long_words text[] := ARRAY(SELECT w FROM unnest(words) AS w WHERE length(w) >= 3);
  -- Words of one or two characters, as LIKE patterns (letters and digits: nothing to escape).
  short_patterns text[] := ARRAY(SELECT '%' || w || '%' FROM unnest(words) AS w WHERE length(w) < 3);
  wanted_terms tsquery;
  word_terms tsquery;
  word_term_list text[];
  word text;
  -- The rows holding every word, as SQL on the table `source` names as m: $1 is wanted_terms, $2
  -- the patterns. Built once, with only the conditions there are: a LIKE on no pattern still
  -- joins four texts a row.
  source text;
  holding text;
  in_names text;
  found_rows int;
  found_things int;
  found_ids bigint[];
  found_thing_ids bigint[];
  from_postings boolean;
  picked bigint[];
BEGIN
  FOREACH word IN ARRAY long_words LOOP
    -- The word's terms, any of them. Terms hold no quote or backslash (those split terms), so each
    -- quoted is one lexeme, exactly. One plan for every word, through the trigram index (a word
    -- has three characters or more, so at least one trigram).
    SELECT string_agg(quote_literal(t."term"), ' | ')::tsquery, array_agg(t."term" ORDER BY t."term")
      INTO word_terms, word_term_list
      FROM "search_term" t WHERE t."term" LIKE '%' || word || '%';
    IF word_terms IS NULL THEN
      -- No text holds this word.
      RETURN QUERY SELECT 0, 0, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
                          NULL::text, NULL::text, NULL::int;
      RETURN;
    END IF;
    wanted_terms := CASE WHEN wanted_terms IS NULL THEN word_terms ELSE wanted_terms && word_terms END;
  END LOOP;

  IF wanted_terms IS NULL THEN
    -- Only words of one or two characters: the joined texts.
    source := '"search_text" m';
    holding := 'm."text_f" LIKE ALL ($2)';
  ELSE
    source := '"search_match" m';
    holding := concat_ws(' AND ', 'm."terms" @@ $1',
      CASE WHEN cardinality(short_patterns) > 0 THEN
        '(m."title_f" || E''\n'' || m."summary_f" || E''\n'' || m."names_f" || E''\n'' || m."body_f") LIKE ALL ($2)' END);
  END IF;
  -- Words of three or more characters in the name or the names in other languages.
  in_names := replace(holding, 'm."terms" @@', 'm."name_terms" @@');

  -- One word of three characters or more, in no more than 16 terms (each is one more list to
  -- read): its first rows in row id order from the postings, as many of each term's as could be
  -- needed, merged. With more words, the index of terms finds the rows holding all of them at
  -- once, where the lists would be read to their ends when few rows hold every word. (Planned per
  -- call as a merge of ordered lists, a word of nine terms cost 1.8 ms to plan; this plan is kept.)
  from_postings := cardinality(words) = 1 AND cardinality(long_words) = 1 AND cardinality(word_term_list) <= 16;
  IF from_postings THEN
    -- The probe, and the first rows the broad search picks from.
    SELECT array_agg(y."rowid" ORDER BY y."rowid"), array_agg(y."thing" ORDER BY y."rowid")
      INTO found_ids, found_thing_ids
      FROM (SELECT DISTINCT ON (x."rowid") x."rowid", x."thing"
              FROM unnest(word_term_list) AS t(term),
                   LATERAL (SELECT q."rowid", q."thing" FROM "search_posting" q
                             WHERE q."term" = t.term ORDER BY q."rowid" LIMIT greatest(rank_all_up_to + 1, wanted)) AS x
             ORDER BY x."rowid" LIMIT greatest(rank_all_up_to + 1, wanted)) AS y;
    found_ids := COALESCE(found_ids, '{}');
    found_rows := least(cardinality(found_ids), rank_all_up_to + 1);
    found_things := (SELECT count(DISTINCT t) FROM unnest(found_thing_ids[1:rank_all_up_to + 1]) AS t);
  ELSE
    -- Each statement is planned with this search's values (EXECUTE): the plan for a common word
    -- (read the table in order, stop at the limit) is not the plan for a rare one (the index).
    -- With only words of one or two characters every row is read (there is no index for them):
    -- the probe keeps the rows it found, which are then all of them when there are few.
    EXECUTE 'SELECT count(*), count(DISTINCT p."thing"), '
            || CASE WHEN wanted_terms IS NULL THEN 'array_agg(p."rowid" ORDER BY p."rowid")' ELSE 'NULL::bigint[]' END
            || ' FROM (SELECT m."rowid", m."thing" FROM ' || source || ' WHERE ' || holding || ' LIMIT $3) AS p'
       INTO found_rows, found_things, found_ids USING wanted_terms, short_patterns, rank_all_up_to + 1;
  END IF;

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
  ELSIF from_postings THEN
    -- Broad: the rows holding the word in a name first, then the others, each in row id order.
    picked := ARRAY(
      SELECT DISTINCT ON (x."rowid") x."rowid"
        FROM unnest(word_term_list) AS t(term),
             LATERAL (SELECT q."rowid" FROM "search_posting" q
                       WHERE q."term" = t.term AND q."in_name" ORDER BY q."rowid" LIMIT wanted) AS x
       ORDER BY x."rowid" LIMIT wanted);
    picked := picked || ARRAY(
      SELECT f.id FROM unnest(found_ids) WITH ORDINALITY AS f(id, place)
       WHERE f.id <> ALL (picked) ORDER BY f.place LIMIT wanted - cardinality(picked));
  ELSE
    -- The same, found through the index of terms or in the joined texts.
    EXECUTE 'SELECT ARRAY(SELECT m."rowid" FROM ' || source || ' WHERE ' || in_names || ' ORDER BY m."rowid" LIMIT $3)'
       INTO picked USING wanted_terms, short_patterns, wanted;
    IF cardinality(picked) < wanted THEN
      EXECUTE 'SELECT $3 || ARRAY(SELECT m."rowid" FROM ' || source || ' WHERE ' || holding || '
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

ANALYZE "search_posting";
