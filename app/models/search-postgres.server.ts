// The site search index on PostgreSQL: the same rows, row ids and columns as SQLite's FTS5 table,
// in the table "search_index" made by prisma/postgres/migrations/20261203080100_site_search, with
// folded copies of the texts that pg_trgm GIN indexes answer `LIKE '%word%'` on. These are the
// PostgreSQL halves of the raw queries in search.server.ts and directory.server.ts
// (docs/decisions/0015-postgresql-and-two-schemas.md).
import type { PrismaClient } from "~/generated/prisma/client";

/** Trigger names the PostgreSQL migration creates (one per table, for every event). */
export const PG_SEARCH_TRIGGERS = [
  "search_unit_text",
  "search_organisation_text",
  "search_value_text",
  "search_goal_text",
];

/** A LIKE pattern matching the (already folded) word anywhere; `%`, `_` and `\` taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Words of three or more characters: the trigram index narrows on them. */
const indexed = (words: readonly string[]) => words.filter((w) => [...w].length >= 3);

/** SQL with numbered parameters, built piece by piece. */
export class Sql {
  params: unknown[] = [];
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/**
 * The rows holding every word: each word in the folded text of every column, as FTS5's trigram
 * match (three or more characters) and SQLite's LIKE (shorter words) do together. With `inNames`,
 * words of three or more characters must be in the name or the names in other languages.
 */
function whereAllWords(sql: Sql, words: readonly string[], { inNames = false } = {}): string {
  const long = new Set(indexed(words));
  return words
    .map(
      (w) =>
        `${inNames && long.has(w) ? `("title_f" || E'\\n' || "names_f")` : `"all_f"`} LIKE ${sql.param(containsPattern(w))}`,
    )
    .join(" AND ");
}

/** Each column with the typical length its term counts are scaled by, and its weight. */
const RANKED_COLUMNS = [
  { column: `"title_f"`, weight: 10, typicalLength: 20 },
  { column: `"summary_f"`, weight: 4, typicalLength: 150 },
  { column: `"names_f"`, weight: 3, typicalLength: 60 },
  { column: `"body_f"`, weight: 1, typicalLength: 600 },
];

/**
 * The migration's `search_rank(title_f, summary_f, names_f, body_f, words, query)` written out
 * inline: the same expression, operation for operation (so the same double-precision values and
 * the same order), without a SQL function call per matching row, which cost ~0.1 ms a row and
 * made a query matching a few hundred rows take tens of milliseconds. The full-text query is
 * built once (an uncorrelated subquery), not once a row.
 */
export function rankExpression(sql: Sql, words: readonly string[]): string {
  const perWord = words.map((word) => {
    const w = `${sql.param(word)}::text`;
    return RANKED_COLUMNS.map(({ column, weight, typicalLength }) => {
      const tf = `((length(${column}) - length(replace(${column}, ${w}, '')))::double precision / length(${w}))`;
      const saturated = `CASE WHEN ${w} = '' OR strpos(${column}, ${w}) = 0 THEN 0
        ELSE ${tf} / (${tf} + 1.2 * (0.25 + 0.75 * length(${column}) / ${typicalLength}::double precision)) END`;
      return weight === 1 ? saturated : `${weight} * ${saturated}`;
    }).join(" + ");
  });
  const list = sql.param(JSON.stringify(words));
  const tsquery = `(SELECT to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(q)
      FROM jsonb_array_elements_text(${list}::jsonb) AS q), ' | ')))`;
  return `(${perWord.map((p) => `(${p})`).join(" + ")} + ts_rank("words", ${tsquery}))`;
}

export interface PgCandidate {
  id: string;
  docKey: string;
  lang: string;
}

/** The first rows matching, in no particular order, with an organisation row's key. */
export async function pgProbe(db: PrismaClient, words: readonly string[], limit: number) {
  if (indexed(words).length > 0) {
    // Through the trigram index (search_probe, see its migration), not a scan of the table.
    return db.$queryRawUnsafe<{ id: string; orgKey: string | null }[]>(
      `SELECT "id", "orgKey" FROM "search_probe"(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)), $2::int)`,
      JSON.stringify(words.map(containsPattern)),
      limit,
    );
  }
  const sql = new Sql();
  const where = whereAllWords(sql, words);
  return db.$queryRawUnsafe<{ id: string; orgKey: string | null }[]>(
    `SELECT "rowid"::text AS id, CASE WHEN "rowid" >= 2000000000 AND "rowid" < 3000000000 THEN "doc_key" END AS "orgKey"
     FROM "search_index" WHERE ${where} LIMIT ${sql.param(limit)}`,
    ...sql.params,
  );
}

/**
 * Matching rows: ranked (a weighted count of each word in each column, the name weighing most, as
 * bm25 with the SQLite index's column weights; whole words a little higher), or in index order.
 */
export async function pgSelect(
  db: PrismaClient,
  words: readonly string[],
  { ranked, inNames = false, limit }: { ranked: boolean; inNames?: boolean; limit: number },
): Promise<PgCandidate[]> {
  const sql = new Sql();
  const where = whereAllWords(sql, words, { inNames });
  const order = ranked ? `${rankExpression(sql, words)} DESC, "rowid"` : `"rowid"`;
  return db.$queryRawUnsafe<PgCandidate[]>(
    `SELECT "rowid"::text AS id, "doc_key" AS "docKey", "lang" FROM "search_index"
     WHERE ${where} ORDER BY ${order} LIMIT ${sql.param(limit)}`,
    ...sql.params,
  );
}

export interface PgTextRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  slug: string | null;
  kind: string | null;
  goalPosition: number | bigint | null;
}

/** The stored texts of these rows, with the unit's slug and kind or the goal's number. */
export function pgTexts(db: PrismaClient, ids: readonly number[]) {
  return db.$queryRawUnsafe<PgTextRow[]>(
    `SELECT f."rowid"::text AS id, f."title", f."summary", f."body", u."slug" AS slug, u."kind" AS kind,
            g."position" AS "goalPosition"
     FROM "search_index" f
     LEFT JOIN "Unit" u ON f."rowid" BETWEEN 1000000000 AND 1999999999 AND u."id" = (f."rowid" - 1000000000) / 4
     LEFT JOIN "Goal" g ON f."rowid" >= 4000000000 AND g."id" = (f."rowid" - 4000000000) / 4
     WHERE f."rowid" IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)`,
    JSON.stringify(ids),
  );
}

/**
 * The directory's server-side filter: units whose row in the language the reader is shown holds
 * every word in its name, summary and duties, or names in other languages (as findUnitIds on SQLite).
 */
export async function pgDirectoryUnitIds(
  db: PrismaClient,
  args: {
    langSlot: number;
    lang: string;
    words: readonly string[];
    kind: string;
    location: string;
    limit: number;
    offset: number;
  },
) {
  const sql = new Sql();
  const conditions = args.words.map((w) => `f."directory_f" LIKE ${sql.param(containsPattern(w))}`).join(" AND ");
  const slot = sql.param(args.langSlot);
  const lang = sql.param(args.lang);
  const kind = sql.param(args.kind);
  const location = sql.param(args.location);
  return db.$queryRawUnsafe<{ id: number | bigint; matched: number | bigint }[]>(
    `SELECT u."id" AS id, count(*) OVER () AS matched
     FROM "search_index" f JOIN "Unit" u ON u."id" = (f."rowid" - 1000000000) / 4
     WHERE ${conditions} AND f."rowid" BETWEEN 1000000000 AND 1999999999
       AND ((f."rowid" - 1000000000) % 4 = ${slot}
         OR (NOT EXISTS (SELECT 1 FROM "UnitText" x WHERE x."unitId" = u."id" AND x."lang" = ${lang})
             AND (f."rowid" - 1000000000) % 4 = "search_lang_slot"(COALESCE(
               (SELECT x."lang" FROM "UnitText" x WHERE x."unitId" = u."id" AND x."lang" = u."sourceLang"),
               (SELECT x."lang" FROM "UnitText" x WHERE x."unitId" = u."id" AND x."lang" IN ('fi', 'sv', 'en')
                  ORDER BY "search_lang_slot"(x."lang") LIMIT 1)))))
       AND (${kind} = '' OR u."kind" = ${kind}) AND (${location} = '' OR u."location" = ${location})
     ORDER BY CASE u."kind" WHEN 'department' THEN 0 ELSE 1 END, u."position", u."slug"
     LIMIT ${sql.param(args.limit)} OFFSET ${sql.param(args.offset)}`,
    ...sql.params,
  );
}

export async function pgMissingSearchTriggers(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`,
  );
  const present = new Set(rows.map((r) => r.name));
  return PG_SEARCH_TRIGGERS.filter((name) => !present.has(name));
}

export async function pgIndexCounts(db: PrismaClient) {
  const known = `"lang" IN ('fi', 'sv', 'en')`;
  const [row] = await db.$queryRawUnsafe<{ indexed: number | bigint; texts: number | bigint }[]>(
    `SELECT (SELECT count(*) FROM "search_index") AS indexed,
            (SELECT count(*) FROM "UnitText" WHERE ${known}) + (SELECT count(*) FROM "OrganisationText")
              + (SELECT count(*) FROM "ValueText" WHERE ${known}) + (SELECT count(*) FROM "GoalText" WHERE ${known}) AS texts`,
  );
  return { indexed: Number(row.indexed), texts: Number(row.texts) };
}

export async function pgRebuildSearchIndex(db: PrismaClient) {
  await db.$executeRawUnsafe(`SELECT "search_index_rebuild"()`);
}

export async function pgReindexUnit(db: PrismaClient, unitId: number) {
  await db.$executeRawUnsafe(`SELECT "search_index_unit"($1::int)`, unitId);
}
