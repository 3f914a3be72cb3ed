-- Site search (docs/decisions/0005-site-search-fts5.md): one FTS5 index over the texts of units,
-- the organisation (front page and strategy), values and goals, in every language.
--
-- The trigram tokenizer matches any substring of three or more characters, so "lupa" finds
-- "lupapalvelut" and "oleskelulupa" (Finnish compounds); remove_diacritics lets "paatos" find
-- "päätös". Prisma does not manage this table: .config/prisma.ts lists it and its shadow tables
-- as external, so `migrate dev` sees no drift.
--
-- One index row per text. doc_key says what it is about ("unit:12", "org:strategyVision",
-- "value:3", "goal:2"), lang is the text's language. The rowid says both too, so that counting and
-- grouping results never read the stored text: units 1e9 + unitId * 4 + language (fi 0, sv 1,
-- en 2), organisation texts 2e9 + OrganisationText.id, values 3e9 + valueId * 4 + language, goals
-- 4e9 + goalId * 4 + language. Texts in other languages are not indexed.
-- Columns: title (unit or value name), summary (a unit's summary and duties, one per line), names
-- (a unit's name in every language, so it is found by a name in another language), body (the rest).
CREATE VIRTUAL TABLE "search_fts" USING fts5(
    doc_key UNINDEXED,
    lang UNINDEXED,
    title,
    summary,
    names,
    body,
    tokenize = 'trigram remove_diacritics 1'
);

-- Ranking (ORDER BY rank): bm25 with a name match worth ten body matches.
INSERT INTO "search_fts" ("search_fts", rank) VALUES ('rank', 'bm25(0, 0, 10, 4, 3, 1)');

-- The triggers keep the index current on every save, whoever writes. Each trigger reads only its
-- own table and writes only the index: a trigger that named another table would make SQLite
-- refuse Prisma's table rebuilds (DROP + RENAME) of that table. A rebuild of a text table itself
-- drops its triggers with it; app/models/search.server.test.ts fails if any trigger is missing.

-- Units: a new or deleted text, or a changed name, rewrites all of the unit's rows (each carries
-- every name); any other change rewrites the one row.

CREATE TRIGGER "search_unit_text_ai" AFTER INSERT ON "UnitText" BEGIN
    DELETE FROM "search_fts" WHERE rowid BETWEEN 1000000000 + NEW."unitId" * 4 AND 1000000000 + NEW."unitId" * 4 + 3;
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 1000000000 + t."unitId" * 4 + CASE t."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'unit:' || t."unitId", t."lang", t."name",
           t."summary" || char(10) || CASE WHEN json_valid(t."duties") AND json_type(t."duties") = 'array'
               THEN COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(t."duties") j WHERE j.type = 'text'), '')
               ELSE t."duties" END,
           (SELECT group_concat(n."name", char(10)) FROM "UnitText" n WHERE n."unitId" = t."unitId"),
           t."description"
    FROM "UnitText" t WHERE t."unitId" = NEW."unitId" AND t."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_unit_text_au" AFTER UPDATE ON "UnitText" WHEN OLD."name" IS NEW."name" AND OLD."unitId" = NEW."unitId" AND OLD."lang" = NEW."lang" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 1000000000 + OLD."unitId" * 4 + CASE OLD."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END;
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 1000000000 + t."unitId" * 4 + CASE t."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'unit:' || t."unitId", t."lang", t."name",
           t."summary" || char(10) || CASE WHEN json_valid(t."duties") AND json_type(t."duties") = 'array'
               THEN COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(t."duties") j WHERE j.type = 'text'), '')
               ELSE t."duties" END,
           (SELECT group_concat(n."name", char(10)) FROM "UnitText" n WHERE n."unitId" = t."unitId"),
           t."description"
    FROM "UnitText" t WHERE t."id" = NEW."id" AND t."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_unit_text_au_names" AFTER UPDATE ON "UnitText" WHEN NOT (OLD."name" IS NEW."name" AND OLD."unitId" = NEW."unitId" AND OLD."lang" = NEW."lang") BEGIN
    DELETE FROM "search_fts" WHERE rowid BETWEEN 1000000000 + OLD."unitId" * 4 AND 1000000000 + OLD."unitId" * 4 + 3;
    DELETE FROM "search_fts" WHERE rowid BETWEEN 1000000000 + NEW."unitId" * 4 AND 1000000000 + NEW."unitId" * 4 + 3;
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 1000000000 + t."unitId" * 4 + CASE t."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'unit:' || t."unitId", t."lang", t."name",
           t."summary" || char(10) || CASE WHEN json_valid(t."duties") AND json_type(t."duties") = 'array'
               THEN COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(t."duties") j WHERE j.type = 'text'), '')
               ELSE t."duties" END,
           (SELECT group_concat(n."name", char(10)) FROM "UnitText" n WHERE n."unitId" = t."unitId"),
           t."description"
    FROM "UnitText" t WHERE t."unitId" IN (OLD."unitId", NEW."unitId") AND t."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_unit_text_ad" AFTER DELETE ON "UnitText" BEGIN
    DELETE FROM "search_fts" WHERE rowid BETWEEN 1000000000 + OLD."unitId" * 4 AND 1000000000 + OLD."unitId" * 4 + 3;
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 1000000000 + t."unitId" * 4 + CASE t."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'unit:' || t."unitId", t."lang", t."name",
           t."summary" || char(10) || CASE WHEN json_valid(t."duties") AND json_type(t."duties") = 'array'
               THEN COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(t."duties") j WHERE j.type = 'text'), '')
               ELSE t."duties" END,
           (SELECT group_concat(n."name", char(10)) FROM "UnitText" n WHERE n."unitId" = t."unitId"),
           t."description"
    FROM "UnitText" t WHERE t."unitId" = OLD."unitId" AND t."lang" IN ('fi', 'sv', 'en');
END;

-- Organisation texts; list-valued ones (agencyDuties, strategyVision) are JSON arrays.

CREATE TRIGGER "search_organisation_text_ai" AFTER INSERT ON "OrganisationText" BEGIN
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    VALUES (2000000000 + NEW."id", 'org:' || NEW."key", NEW."lang", '', '', '',
            CASE WHEN json_valid(NEW."body") AND json_type(NEW."body") = 'array'
               THEN COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(NEW."body") j WHERE j.type = 'text'), '')
               ELSE NEW."body" END);
END;

CREATE TRIGGER "search_organisation_text_au" AFTER UPDATE ON "OrganisationText" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 2000000000 + OLD."id";
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    VALUES (2000000000 + NEW."id", 'org:' || NEW."key", NEW."lang", '', '', '',
            CASE WHEN json_valid(NEW."body") AND json_type(NEW."body") = 'array'
               THEN COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(NEW."body") j WHERE j.type = 'text'), '')
               ELSE NEW."body" END);
END;

CREATE TRIGGER "search_organisation_text_ad" AFTER DELETE ON "OrganisationText" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 2000000000 + OLD."id";
END;

-- Values and goals.

CREATE TRIGGER "search_value_text_ai" AFTER INSERT ON "ValueText" BEGIN
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 3000000000 + NEW."valueId" * 4 + CASE NEW."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'value:' || NEW."valueId", NEW."lang", NEW."name", '', '', COALESCE(NEW."description", '')
    WHERE NEW."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_value_text_au" AFTER UPDATE ON "ValueText" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 3000000000 + OLD."valueId" * 4 + CASE OLD."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END;
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 3000000000 + NEW."valueId" * 4 + CASE NEW."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'value:' || NEW."valueId", NEW."lang", NEW."name", '', '', COALESCE(NEW."description", '')
    WHERE NEW."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_value_text_ad" AFTER DELETE ON "ValueText" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 3000000000 + OLD."valueId" * 4 + CASE OLD."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END;
END;

CREATE TRIGGER "search_goal_text_ai" AFTER INSERT ON "GoalText" BEGIN
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 4000000000 + NEW."goalId" * 4 + CASE NEW."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'goal:' || NEW."goalId", NEW."lang", '', '', '', NEW."text"
    WHERE NEW."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_goal_text_au" AFTER UPDATE ON "GoalText" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 4000000000 + OLD."goalId" * 4 + CASE OLD."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END;
    INSERT INTO "search_fts" (rowid, doc_key, lang, title, summary, names, body)
    SELECT 4000000000 + NEW."goalId" * 4 + CASE NEW."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END, 'goal:' || NEW."goalId", NEW."lang", '', '', '', NEW."text"
    WHERE NEW."lang" IN ('fi', 'sv', 'en');
END;

CREATE TRIGGER "search_goal_text_ad" AFTER DELETE ON "GoalText" BEGIN
    DELETE FROM "search_fts" WHERE rowid = 4000000000 + OLD."goalId" * 4 + CASE OLD."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END;
END;

-- Index what exists already: an UPDATE fires the triggers above for every row.
UPDATE "UnitText" SET "lang" = "lang";
UPDATE "OrganisationText" SET "key" = "key";
UPDATE "ValueText" SET "lang" = "lang";
UPDATE "GoalText" SET "lang" = "lang";
