// The site search index on PostgreSQL: the same rows, row ids and columns as SQLite's FTS5 table,
// in the table "search_index" made by prisma/postgres/migrations/20261203080100_site_search, with
// folded copies of the texts; the search itself reads the narrow table "search_match" and its
// index of terms, through the function search_find (20261203160000_site_search_terms). These are
// the PostgreSQL halves of the raw queries in search.server.ts and directory.server.ts
// (docs/decisions/0015-postgresql-and-two-schemas.md).
import type { PrismaClient } from "~/generated/prisma/client";
import { postgresAdapterOf } from "~/utils/db.server";

/**
 * Trigger names the PostgreSQL migrations create: one per text table, for every event, the three
 * that keep "search_match" and the terms following "search_index", and the two that keep the
 * postings and the joined texts following "search_match".
 */
export const PG_SEARCH_TRIGGERS = [
  "search_unit_text",
  "search_organisation_text",
  "search_value_text",
  "search_goal_text",
  "search_match_inserted",
  "search_match_deleted",
  "search_match_updated",
  "search_lookup_inserted",
  "search_lookup_deleted",
];

/** A LIKE pattern matching the (already folded) word anywhere; `%`, `_` and `\` taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL with numbered parameters, built piece by piece. */
export class Sql {
  params: unknown[] = [];
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

export interface PgCandidate {
  id: string;
  docKey: string;
  lang: string;
}

/** A candidate row with the texts and links its hit is made of. */
export type PgFoundRow = PgCandidate & PgTextRow;

/**
 * The whole search in one call, one round trip: the migration's `search_find` probes, ranks or
 * picks the rows, keeps one per thing and returns the page's with their texts, with the decisions
 * of the SQLite path in search.server.ts (see 20261203160000_site_search_terms).
 */
export async function pgSearchPage(
  db: PrismaClient,
  words: readonly string[],
  args: { rankAllUpTo: number; wanted: number; lang: string; offset: number; pageSize: number },
): Promise<{ rows: number; things: number; page: PgFoundRow[] }> {
  const sql = `SELECT json_agg(f)::text AS result
     FROM "search_find"(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)), $2::int, $3::int, $4, $5::int, $6::int) AS f`;
  const values = [JSON.stringify(words), args.rankAllUpTo, args.wanted, args.lang, args.offset, args.pageSize];
  // As one JSON text: Prisma's handling of each cell of a raw result costs more than the query.
  // Straight to Prisma's driver adapter when there is one (db.server.ts postgresAdapterOf).
  const adapter = await postgresAdapterOf(db);
  const result = adapter
    ? String(
        (
          await adapter.queryRaw({
            sql,
            args: values,
            argTypes: values.map((value) => ({
              scalarType: typeof value === "number" ? "int" : "string",
              arity: "scalar",
            })),
          })
        ).rows[0][0],
      )
    : (await db.$queryRawUnsafe<{ result: string }[]>(sql, ...values))[0].result;
  const [counts, ...page] = JSON.parse(result) as (PgFoundRow & { rows: number | null; things: number | null })[];
  return { rows: Number(counts.rows), things: Number(counts.things), page };
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
  // The list of terms starts afresh: the rows inserted add theirs.
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM "search_term"`),
    db.$executeRawUnsafe(`SELECT "search_index_rebuild"()`),
  ]);
}

export async function pgReindexUnit(db: PrismaClient, unitId: number) {
  await db.$executeRawUnsafe(`SELECT "search_index_unit"($1::int)`, unitId);
}
