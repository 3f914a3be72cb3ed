-- Site search on PostgreSQL (docs/decisions/0015-postgresql-and-two-schemas.md): the same index as
-- SQLite's FTS5 table search_fts (prisma/migrations/20261129140000_site_search_fts), with the same
-- rows, row ids and columns, so the queries in app/models/search-postgres.server.ts give the same
-- results.
--
-- FTS5's trigram tokenizer matches any substring of three or more characters ("lupa" finds
-- "lupapalvelut" and "oleskelulupa") with diacritics and case folded away. Here every text column
-- has a folded copy (lower case, no accents: unaccent) and a pg_trgm GIN index answers
-- `folded LIKE '%word%'` for words of three or more characters; shorter words are scanned, as on
-- SQLite. A tsvector of the folded words ranks whole-word matches a little higher.
--
-- Prisma does not manage this table: .config/prisma.ts lists it as external, so `migrate dev`
-- sees no drift. Row ids: units 1e9 + unitId * 4 + language (fi 0, sv 1, en 2), organisation
-- texts 2e9 + OrganisationText.id, values 3e9 + valueId * 4 + language, goals 4e9 + goalId * 4 +
-- language. Texts in other languages are not indexed.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Lower case without diacritics: "Päätös" -> "paatos", as app/utils/search-text.ts `fold` does.
-- unaccent is STABLE only because its dictionary could be changed; naming the dictionary makes
-- the result fixed, which generated columns need. The ICU collation lowers every script, whatever
-- the cluster's locale.
CREATE FUNCTION "search_fold"(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value) COLLATE "und-x-icu") $$;

-- A JSON array of strings as lines of text; anything else as it is (as the SQLite triggers do).
CREATE FUNCTION "search_json_lines"(value text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
DECLARE
  parsed jsonb;
BEGIN
  IF value IS NULL THEN RETURN ''; END IF;
  BEGIN
    parsed := value::jsonb;
  EXCEPTION WHEN others THEN
    RETURN value;
  END;
  IF jsonb_typeof(parsed) <> 'array' THEN RETURN value; END IF;
  RETURN COALESCE(
    (SELECT string_agg(e.item #>> '{}', E'\n' ORDER BY e.n)
       FROM jsonb_array_elements(parsed) WITH ORDINALITY AS e(item, n)
      WHERE jsonb_typeof(e.item) = 'string'),
    '');
END;
$$;

CREATE TABLE "search_index" (
    "rowid" BIGINT NOT NULL PRIMARY KEY,
    "doc_key" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "names" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "title_f" TEXT GENERATED ALWAYS AS ("search_fold"("title")) STORED,
    "summary_f" TEXT GENERATED ALWAYS AS ("search_fold"("summary")) STORED,
    "names_f" TEXT GENERATED ALWAYS AS ("search_fold"("names")) STORED,
    "body_f" TEXT GENERATED ALWAYS AS ("search_fold"("body")) STORED,
    -- What the directory filter matches (name, summary and duties, names in other languages) ...
    "directory_f" TEXT GENERATED ALWAYS AS ("search_fold"("title" || E'\n' || "summary" || E'\n' || "names")) STORED,
    -- ... and what site search matches: every column.
    "all_f" TEXT GENERATED ALWAYS AS (
      "search_fold"("title" || E'\n' || "summary" || E'\n' || "names" || E'\n' || "body")) STORED,
    "words" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', "search_fold"("title")), 'A') ||
      setweight(to_tsvector('simple', "search_fold"("summary")), 'B') ||
      setweight(to_tsvector('simple', "search_fold"("names")), 'C') ||
      setweight(to_tsvector('simple', "search_fold"("body")), 'D')) STORED
);

CREATE INDEX "search_index_all_trgm" ON "search_index" USING gin ("all_f" gin_trgm_ops);
CREATE INDEX "search_index_directory_trgm" ON "search_index" USING gin ("directory_f" gin_trgm_ops);
CREATE INDEX "search_index_name_trgm" ON "search_index" USING gin (("title_f" || E'\n' || "names_f") gin_trgm_ops);

-- Ranking, in the spirit of SQLite's bm25(0, 0, 10, 4, 3, 1): each word's occurrences in each
-- column, saturating and scaled by the column's length, a name match worth ten body matches;
-- a whole-word match (the tsvector) adds a little.
CREATE FUNCTION "search_tf"(text_f text, word text, typical_length double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN word = '' OR strpos(text_f, word) = 0 THEN 0
           ELSE tf / (tf + 1.2 * (0.25 + 0.75 * length(text_f) / typical_length)) END
      FROM (SELECT (length(text_f) - length(replace(text_f, word, '')))::double precision / length(word) AS tf) AS counted
  $$;

CREATE FUNCTION "search_rank"(title_f text, summary_f text, names_f text, body_f text, words tsvector, query text[])
  RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT COALESCE(sum(10 * "search_tf"(title_f, w, 20) + 4 * "search_tf"(summary_f, w, 150)
                        + 3 * "search_tf"(names_f, w, 60) + "search_tf"(body_f, w, 600)), 0)
           + ts_rank(words, to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(q) FROM unnest(query) AS q), ' | ')))
      FROM unnest(query) AS w
  $$;

CREATE FUNCTION "search_lang_slot"(lang text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE lang WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END $$;

-- Units: every row of a unit carries every name of the unit, so any change rewrites its rows.
CREATE FUNCTION "search_index_unit"(unit_id int) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "search_index" WHERE "rowid" BETWEEN 1000000000::bigint + unit_id * 4 AND 1000000000::bigint + unit_id * 4 + 3;
  INSERT INTO "search_index" ("rowid", "doc_key", "lang", "title", "summary", "names", "body")
  SELECT 1000000000::bigint + t."unitId" * 4 + "search_lang_slot"(t."lang"), 'unit:' || t."unitId", t."lang", t."name",
         t."summary" || E'\n' || "search_json_lines"(t."duties"),
         (SELECT string_agg(n."name", E'\n' ORDER BY n."id") FROM "UnitText" n WHERE n."unitId" = t."unitId"),
         t."description"
    FROM "UnitText" t
   WHERE t."unitId" = unit_id AND t."lang" IN ('fi', 'sv', 'en');
END;
$$;

CREATE FUNCTION "search_unit_text_changed"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "search_index_unit"(OLD."unitId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."unitId" <> OLD."unitId") THEN
    PERFORM "search_index_unit"(NEW."unitId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "search_unit_text" AFTER INSERT OR UPDATE OR DELETE ON "UnitText"
  FOR EACH ROW EXECUTE FUNCTION "search_unit_text_changed"();

-- Organisation texts; list-valued ones (agencyDuties, strategyVision) are JSON arrays.
CREATE FUNCTION "search_organisation_text_changed"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "search_index" WHERE "rowid" = 2000000000::bigint + OLD."id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "search_index" ("rowid", "doc_key", "lang", "body")
    VALUES (2000000000::bigint + NEW."id", 'org:' || NEW."key", NEW."lang", "search_json_lines"(NEW."body"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "search_organisation_text" AFTER INSERT OR UPDATE OR DELETE ON "OrganisationText"
  FOR EACH ROW EXECUTE FUNCTION "search_organisation_text_changed"();

-- Values and goals.
CREATE FUNCTION "search_value_text_changed"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."lang" IN ('fi', 'sv', 'en') THEN
    DELETE FROM "search_index" WHERE "rowid" = 3000000000::bigint + OLD."valueId" * 4 + "search_lang_slot"(OLD."lang");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."lang" IN ('fi', 'sv', 'en') THEN
    INSERT INTO "search_index" ("rowid", "doc_key", "lang", "title", "body")
    VALUES (3000000000::bigint + NEW."valueId" * 4 + "search_lang_slot"(NEW."lang"), 'value:' || NEW."valueId",
            NEW."lang", NEW."name", COALESCE(NEW."description", ''));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "search_value_text" AFTER INSERT OR UPDATE OR DELETE ON "ValueText"
  FOR EACH ROW EXECUTE FUNCTION "search_value_text_changed"();

CREATE FUNCTION "search_goal_text_changed"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."lang" IN ('fi', 'sv', 'en') THEN
    DELETE FROM "search_index" WHERE "rowid" = 4000000000::bigint + OLD."goalId" * 4 + "search_lang_slot"(OLD."lang");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."lang" IN ('fi', 'sv', 'en') THEN
    INSERT INTO "search_index" ("rowid", "doc_key", "lang", "body")
    VALUES (4000000000::bigint + NEW."goalId" * 4 + "search_lang_slot"(NEW."lang"), 'goal:' || NEW."goalId",
            NEW."lang", NEW."text");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "search_goal_text" AFTER INSERT OR UPDATE OR DELETE ON "GoalText"
  FOR EACH ROW EXECUTE FUNCTION "search_goal_text_changed"();

-- Empties the index and indexes every text again, set-based (a restore, a copy, a repair).
CREATE FUNCTION "search_index_rebuild"() RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "search_index";
  INSERT INTO "search_index" ("rowid", "doc_key", "lang", "title", "summary", "names", "body")
  SELECT 1000000000::bigint + t."unitId" * 4 + "search_lang_slot"(t."lang"), 'unit:' || t."unitId", t."lang", t."name",
         t."summary" || E'\n' || "search_json_lines"(t."duties"), n.names, t."description"
    FROM "UnitText" t
    JOIN (SELECT "unitId", string_agg("name", E'\n' ORDER BY "id") AS names FROM "UnitText" GROUP BY "unitId") n
      ON n."unitId" = t."unitId"
   WHERE t."lang" IN ('fi', 'sv', 'en');
  INSERT INTO "search_index" ("rowid", "doc_key", "lang", "body")
  SELECT 2000000000::bigint + o."id", 'org:' || o."key", o."lang", "search_json_lines"(o."body") FROM "OrganisationText" o;
  INSERT INTO "search_index" ("rowid", "doc_key", "lang", "title", "body")
  SELECT 3000000000::bigint + v."valueId" * 4 + "search_lang_slot"(v."lang"), 'value:' || v."valueId", v."lang", v."name",
         COALESCE(v."description", '')
    FROM "ValueText" v WHERE v."lang" IN ('fi', 'sv', 'en');
  INSERT INTO "search_index" ("rowid", "doc_key", "lang", "body")
  SELECT 4000000000::bigint + g."goalId" * 4 + "search_lang_slot"(g."lang"), 'goal:' || g."goalId", g."lang", g."text"
    FROM "GoalText" g WHERE g."lang" IN ('fi', 'sv', 'en');
END;
$$;

SELECT "search_index_rebuild"();
