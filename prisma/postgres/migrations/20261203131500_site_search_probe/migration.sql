-- Site search on PostgreSQL, faster with the same results (docs/decisions/0015-postgresql-and-two-schemas.md).
--
-- "search_probe": the first rows holding every pattern (`folded LIKE '%word%'`), as the search's
-- first query asks for (up to 501 rows, to tell a narrow query from a broad one). For a common
-- word the planner picks a scan of the whole table that stops at the limit, costed as cheap, but
-- each row's "all_f" is a compressed, out-of-line value, and reading it is what costs: 3,600 rows
-- read for 501 matches took 13 ms at 10,000 units, against 3 ms for the same rows found through
-- the trigram index. The function plans its query with the patterns' values (EXECUTE) and with
-- full scans disabled, so the index is used whenever a pattern has a trigram; rows come back in
-- the table's physical order either way, so the same first rows. Callers use it only when a word
-- has three or more characters (shorter words have no trigram: the table is scanned anyway).
CREATE FUNCTION "search_probe"(patterns text[], row_limit int)
  RETURNS TABLE ("id" text, "orgKey" text)
  LANGUAGE plpgsql STABLE
  SET enable_seqscan = off
  SET enable_indexscan = off
  AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT "rowid"::text, CASE WHEN "rowid" >= 2000000000 AND "rowid" < 3000000000 THEN "doc_key" END
       FROM "search_index" WHERE '
    || (SELECT string_agg(format('"all_f" LIKE $1[%s]', i), ' AND ') FROM generate_subscripts(patterns, 1) AS i)
    || ' LIMIT $2'
    USING patterns, row_limit;
END;
$$;

-- The folded texts the searches match (LIKE, rechecked on every candidate row) are kept in the
-- row, compressed, instead of out of line: a row's other long columns (the texts, the tsvector)
-- move to TOAST first. Reading "all_f" then costs no TOAST lookup: a probe of the 501 first rows
-- ~1.5x faster, a scan for one- or two-letter words ~4x. Rows written from now on follow it; the
-- rebuild rewrites the existing ones.
ALTER TABLE "search_index" ALTER COLUMN "all_f" SET STORAGE MAIN;
ALTER TABLE "search_index" ALTER COLUMN "directory_f" SET STORAGE MAIN;
SELECT "search_index_rebuild"();
ANALYZE "search_index";
