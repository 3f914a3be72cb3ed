// Site search over units, the organisation's texts (front page and strategy), values and goals,
// in every language, with SQLite FTS5 (docs/decisions/0005-site-search-fts5.md).
//
// The index (`search_fts`) is created and kept current by the migration
// prisma/migrations/20261129140000_site_search_fts: triggers on UnitText, OrganisationText,
// ValueText and GoalText rewrite a text's index rows on every insert, update and delete, whoever
// writes. The functions below re-fire those triggers for callers that want to be explicit.
import type { PrismaClient } from "~/generated/prisma/client";
import { isLang, translator, type Lang, type MessageKey } from "~/i18n";
import { prisma, sqlDialect } from "~/utils/db.server";
import { plainTextOfFirstBlock } from "~/utils/markdown.server";
import {
  pgIndexCounts,
  pgMissingSearchTriggers,
  pgSearchPage,
  pgRebuildSearchIndex,
  pgReindexUnit,
  type PgCandidate,
  type PgTextRow,
} from "./search-postgres.server";
import { containsAnyWord, fold, highlight, queryWords, snippet, type Segment } from "~/utils/search-text";

export const SEARCH_PAGE_SIZE = 20;

/**
 * Above this many matching index rows a query is "broad": it is not ranked or counted in full, as
 * bm25 costs 1.5–5 µs a matching row here and the query must stay within a few milliseconds
 * (npm run bench:search). Its name matches come first.
 */
export const RANK_ALL_UP_TO = 500;

/** The trigram tokenizer indexes three-character pieces: shorter words are matched with LIKE. */
const MIN_INDEXED_WORD = 3;

/** Trigger names the migration creates; a missing one means the index no longer follows saves. */
export const SEARCH_TRIGGERS = [
  ...["unit", "organisation", "value", "goal"].flatMap((table) =>
    ["ai", "au", "ad"].map((event) => `search_${table}_text_${event}`),
  ),
  "search_unit_text_au_names",
];

// ---- the query ---------------------------------------------------------------------------------

/** An FTS5 string: double quotes around, inner double quotes doubled. Never query syntax. */
export function ftsString(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression for the query's words of three or more characters, every one required,
 * each searched for as a substring; null when there is none. `columns` limits the match to those
 * columns. The words come from `queryWords`, which keeps only letters and digits; quoting them
 * anyway keeps this safe whatever a future caller passes.
 */
export function matchExpression(words: readonly string[], columns?: readonly string[]): string | null {
  const indexed = words.filter((w) => [...w].length >= MIN_INDEXED_WORD);
  if (indexed.length === 0) return null;
  const expression = indexed.map(ftsString).join(" AND ");
  return columns ? `{${columns.join(" ")}} : (${expression})` : expression;
}

/** Words too short for the trigram index, as LIKE patterns (they hold only letters and digits). */
export function shortWordPatterns(words: readonly string[]): string[] {
  return words.filter((w) => [...w].length < MIN_INDEXED_WORD).map((w) => `%${w}%`);
}

// ---- site search -------------------------------------------------------------------------------

export type SearchHitType = "department" | "unit" | "value" | "goal" | "page";

export interface SearchHit {
  /** What was found: "unit:12", "org:strategyVision", "value:3", "goal:2". */
  key: string;
  type: SearchHitType;
  /** The page in the reader's language. */
  href: string;
  /** The same page in the language of the matched text, when that is another language. */
  hrefInTextLang: string | null;
  /** Language of the matched text (and of a content title). */
  lang: Lang;
  title: Segment[];
  /** The title is content in `lang` (a unit or value name), not UI text in the reader's language. */
  titleIsContent: boolean;
  snippet: Segment[];
}

export interface SearchResults {
  query: string;
  words: string[];
  /** Things found; for a very broad query, the things among the first rows (at least this many). */
  total: number;
  totalIsExact: boolean;
  page: number;
  pages: number;
  pageSize: number;
  hits: SearchHit[];
  /** Milliseconds spent in this function, for the Server-Timing header. */
  durationMs: number;
}

// Candidate and text rows have the same shape on both databases.
type CandidateRow = PgCandidate;
type TextRow = PgTextRow;

/** Where each organisation text is shown: page, section anchor and section heading. */
const ORGANISATION_SECTIONS: Record<string, { path: string; page: MessageKey; anchor?: string; heading?: MessageKey }> =
  {
    agencyName: { path: "", page: "nav.home" },
    missionLine: { path: "", page: "nav.home", anchor: "mission", heading: "home.missionHeading" },
    whatWeDo: { path: "", page: "nav.home", anchor: "what-we-do", heading: "home.whatWeDoHeading" },
    ambition: { path: "", page: "nav.home", anchor: "ambition", heading: "home.ambitionHeading" },
    strategyTitle: { path: "/strategy", page: "nav.strategy" },
    strategySummary: { path: "/strategy", page: "nav.strategy" },
    strategyVision: { path: "/strategy", page: "nav.strategy", anchor: "vision", heading: "strategy.visionHeading" },
    agencyDuties: { path: "/strategy", page: "nav.strategy", anchor: "duties", heading: "strategy.dutiesHeading" },
  };

/**
 * Ranked, highlighted results for a query, one per thing found (a unit found in three languages
 * is one result, shown in the reader's language when that text matched). Any input is safe: it
 * is reduced to words and each word is searched for as text.
 */
export async function searchSite(
  lang: Lang,
  query: string,
  {
    page = 1,
    rankAllUpTo = RANK_ALL_UP_TO,
    db = prisma,
  }: { page?: number; rankAllUpTo?: number; db?: PrismaClient } = {},
): Promise<SearchResults> {
  const started = performance.now();
  const words = queryWords(query);
  const empty = { query, words, total: 0, totalIsExact: true, page: 1, pages: 0, pageSize: SEARCH_PAGE_SIZE, hits: [] };
  if (words.length === 0) return { ...empty, durationMs: performance.now() - started };

  page = Math.max(1, page);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // A thing has at most three rows (languages): three times the rows wanted hold enough things.
  const wanted = 3 * (offset + SEARCH_PAGE_SIZE);
  const { total, totalIsExact, rows, texts } =
    sqlDialect(db) === "postgresql"
      ? await findPagePostgres(db, words, { lang, offset, wanted, rankAllUpTo })
      : await findPageSqlite(db, words, { lang, offset, wanted, rankAllUpTo });
  const hits = describeHits(lang, words, rows, texts);
  return {
    query,
    words,
    total,
    totalIsExact,
    page,
    pages: Math.ceil(total / SEARCH_PAGE_SIZE),
    pageSize: SEARCH_PAGE_SIZE,
    hits,
    durationMs: performance.now() - started,
  };
}

interface PageArgs {
  lang: Lang;
  offset: number;
  /** Rows to pick: enough to hold the things up to the end of the page. */
  wanted: number;
  rankAllUpTo: number;
}

interface FoundPage {
  total: number;
  totalIsExact: boolean;
  /** The page's rows, one per thing, in order. */
  rows: CandidateRow[];
  /** Their texts, with the unit's slug and kind or the goal's number. */
  texts: TextRow[];
}

async function findPageSqlite(db: PrismaClient, words: string[], args: PageArgs): Promise<FoundPage> {
  const { total, totalIsExact, candidates } = await findRowsSqlite(db, words, args.wanted, args.rankAllUpTo);
  const rows = bestPerThing(candidates, args.lang).slice(args.offset, args.offset + SEARCH_PAGE_SIZE);
  // The texts of this page's rows, with the unit's slug and kind or the goal's number, in one query.
  const texts = rows.length
    ? await db.$queryRawUnsafe<TextRow[]>(
        `SELECT CAST(f.rowid AS TEXT) AS id, f.title, f.summary, f.body, u."slug" AS slug, u."kind" AS kind, g."position" AS goalPosition
         FROM search_fts f
         LEFT JOIN "Unit" u ON f.rowid BETWEEN 1000000000 AND 1999999999 AND u."id" = (f.rowid - 1000000000) / 4
         LEFT JOIN "Goal" g ON f.rowid >= 4000000000 AND g."id" = (f.rowid - 4000000000) / 4
         WHERE f.rowid IN (SELECT value FROM json_each(?))`,
        JSON.stringify(rows.map((r) => Number(r.id))),
      )
    : [];
  return { total, totalIsExact, rows, texts };
}

/** The same on PostgreSQL, in one call (search-postgres.server.ts), with the same decisions. */
async function findPagePostgres(db: PrismaClient, words: string[], args: PageArgs): Promise<FoundPage> {
  const { rows, things, page } = await pgSearchPage(db, words, { ...args, pageSize: SEARCH_PAGE_SIZE });
  return { total: things, totalIsExact: rows <= args.rankAllUpTo, rows: page, texts: page };
}

/** Probes, ranks and picks the index rows on SQLite's FTS5 table. */
async function findRowsSqlite(
  db: PrismaClient,
  words: string[],
  wanted: number,
  rankAllUpTo: number,
): Promise<{ total: number; totalIsExact: boolean; candidates: CandidateRow[] }> {
  const likes = shortWordPatterns(words);
  // Column by column: joining the four texts to test them at once copied every row's texts, and
  // the probe of "' OR 1=1 --" ("or", "1") took a third longer (a word cannot span two columns).
  const likeSql = likes.map(() => " AND (title LIKE ? OR summary LIKE ? OR names LIKE ? OR body LIKE ?)");
  const rowsWhere = (expression: string | null) => ({
    sql: `${expression ? "search_fts MATCH ?" : "1"}${likeSql.join("")}`,
    params: [...(expression ? [expression] : []), ...likes.flatMap((like) => [like, like, like, like])],
  });
  const match = matchExpression(words);
  const all = rowsWhere(match);
  const select = (where: { sql: string; params: unknown[] }, ranked: boolean, limit: number) =>
    db.$queryRawUnsafe<CandidateRow[]>(
      `SELECT CAST(rowid AS TEXT) AS id, doc_key AS docKey, lang FROM search_fts WHERE ${where.sql} ${ranked ? "ORDER BY rank" : ""} LIMIT ?`,
      ...where.params,
      limit,
    );
  /**
   * How many of the first rows in index order match, and how many things they are: cheap, as
   * FTS5 stops at the limit, and counted in SQL so that no row travels. Org rows read their key.
   */
  const probe = async (where: { sql: string; params: unknown[] }, limit: number) => {
    const [counted] = await db.$queryRawUnsafe<{ rows: number | bigint; things: number | bigint }[]>(
      `SELECT count(*) AS rows, count(DISTINCT thing) AS things FROM (
         SELECT CASE WHEN rowid >= ${2e9} AND rowid < ${3e9} THEN doc_key ELSE rowid / 4 END AS thing
         FROM search_fts WHERE ${where.sql} LIMIT ?)`,
      ...where.params,
      limit,
    );
    return { rows: Number(counted.rows), things: Number(counted.things) };
  };

  if (!match) {
    // Only one- or two-letter words: no index and no rank; the texts are scanned in index order
    // (a rare word costs a full scan), once: the first rows give both the count and the page.
    const rows = await select(all, false, Math.max(rankAllUpTo + 1, wanted));
    const first = rows.slice(0, rankAllUpTo + 1);
    return {
      total: new Set(first.map((r) => r.docKey)).size,
      totalIsExact: first.length <= rankAllUpTo,
      candidates: rows.slice(0, wanted),
    };
  }

  // The first 501 matching rows decide: up to 500 are ranked and counted exactly; more make a
  // broad query, neither ranked nor counted in full (bm25 reads every matching row, and scans
  // every row holding a common word for that word's weight), reported as "at least".
  const found = await probe(all, rankAllUpTo + 1);
  const total = found.things;
  const totalIsExact = found.rows <= rankAllUpTo;
  let candidates: CandidateRow[];
  if (totalIsExact) {
    // FTS5 sorts by rank (bm25 with the column weights set in the migration), stops at the limit.
    candidates = await select(all, true, wanted);
  } else {
    // Broad: the rows that match in a name first, then the others, each in index order.
    candidates = await select(rowsWhere(matchExpression(words, ["title", "names"])), false, wanted);
    if (candidates.length < wanted) {
      const seen = new Set(candidates.map((c) => c.id));
      const rest = await select(all, false, wanted + candidates.length);
      candidates.push(...rest.filter((c) => !seen.has(c.id)).slice(0, wanted - candidates.length));
    }
  }
  return { total, totalIsExact, candidates };
}

/**
 * One row per thing, in rank order; the reader's language wins over a better-ranked other one.
 * On PostgreSQL the migration's search_find applies the same rule in SQL.
 */
function bestPerThing(rows: CandidateRow[], lang: Lang): CandidateRow[] {
  const best = new Map<string, CandidateRow>();
  for (const row of rows) {
    const seen = best.get(row.docKey);
    if (!seen) best.set(row.docKey, row);
    // Replacing a Map entry keeps its place: the thing stays where its best-ranked row was.
    else if (seen.lang !== lang && row.lang === lang) best.set(row.docKey, row);
  }
  return [...best.values()];
}

/** Turns index rows into links, titles and snippets. */
function describeHits(lang: Lang, words: string[], ranked: CandidateRow[], texts: TextRow[]): SearchHit[] {
  if (ranked.length === 0) return [];
  const t = translator(lang);
  const textById = new Map(texts.map((row) => [row.id, row]));

  const hits: SearchHit[] = [];
  for (const row of ranked) {
    const text = textById.get(row.id);
    const textLang = isLang(row.lang) ? row.lang : lang;
    if (!text) continue;
    const [type, ref] = [row.docKey.slice(0, row.docKey.indexOf(":")), row.docKey.slice(row.docKey.indexOf(":") + 1)];
    let path: string;
    let hit: Pick<SearchHit, "type" | "title" | "titleIsContent">;
    if (type === "unit") {
      if (!text.slug) continue;
      path = `/units/${text.slug}`;
      hit = {
        type: text.kind === "department" ? "department" : "unit",
        title: highlight(text.title, words),
        titleIsContent: true,
      };
    } else if (type === "value") {
      path = "/values";
      hit = { type: "value", title: highlight(text.title, words), titleIsContent: true };
    } else if (type === "goal") {
      if (text.goalPosition == null) continue;
      path = "/goals";
      hit = {
        type: "goal",
        title: [{ text: t("search.goalTitle", { number: String(text.goalPosition) }), match: false }],
        titleIsContent: false,
      };
    } else {
      const section = ORGANISATION_SECTIONS[ref] ?? { path: "", page: "nav.home" as const };
      path = section.path + (section.anchor ? `#${section.anchor}` : "");
      const title = section.heading ? `${t(section.page)} › ${t(section.heading)}` : t(section.page);
      hit = { type: "page", title: [{ text: title, match: false }], titleIsContent: false };
    }
    hits.push({
      key: row.docKey,
      ...hit,
      href: `/${lang}${path}`,
      hrefInTextLang: textLang !== lang ? `/${textLang}${path}` : null,
      lang: textLang,
      snippet: bestSnippet(text, words),
    });
  }
  return hits;
}

/** The extract that shows a match: the summary (with duties), else the body, else their start. */
function bestSnippet(text: TextRow, words: string[]): Segment[] {
  // A unit's summary column holds its summary and duties, one per line: show them apart.
  const summary = text.summary
    .split("\n")
    .filter((line) => line.trim() !== "")
    .join(" · ");
  const fromSummary = summary !== "" ? snippet(summary, words) : null;
  if (fromSummary?.matched) return fromSummary.segments;
  const block = plainTextOfFirstBlock(text.body, (source) => containsAnyWord(fold(source), words));
  if (block) {
    const { segments } = snippet(block.text, words);
    // A later block: say that text was left out before it, once.
    return block.isFirst || segments[0]?.text === "… " ? segments : [{ text: "… ", match: false }, ...segments];
  }
  if (fromSummary) return fromSummary.segments;
  const start = plainTextOfFirstBlock(text.body, () => true);
  return start ? snippet(start.text, words).segments : [];
}

// ---- keeping the index current -----------------------------------------------------------------

/** Trigger names from SEARCH_TRIGGERS that the database lacks. */
export async function missingSearchTriggers(db: PrismaClient = prisma): Promise<string[]> {
  if (sqlDialect(db) === "postgresql") return pgMissingSearchTriggers(db);
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'trigger'`);
  const present = new Set(rows.map((r) => r.name));
  return SEARCH_TRIGGERS.filter((name) => !present.has(name));
}

async function requireTriggers(db: PrismaClient) {
  const missing = await missingSearchTriggers(db);
  if (missing.length) {
    throw new Error(
      `Site search triggers are missing (${missing.join(", ")}): a migration rebuilt a text table without them. ` +
        "Re-create them in that migration from prisma/migrations/20261129140000_site_search_fts (docs/decisions/0005-site-search-fts5.md).",
    );
  }
}

/**
 * Re-indexes one unit's texts in every language. The triggers already do this on every save;
 * an UPDATE that changes nothing re-fires them.
 */
export async function reindexUnit(unitId: number, db: PrismaClient = prisma): Promise<void> {
  if (sqlDialect(db) === "postgresql") return pgReindexUnit(db, unitId);
  await db.$executeRawUnsafe(`UPDATE "UnitText" SET "lang" = "lang" WHERE "unitId" = ?`, unitId);
}

/** Re-indexes the organisation texts (front page, strategy), values and goals. */
export async function reindexOrganisationTexts(db: PrismaClient = prisma): Promise<void> {
  // The same UPDATEs fire the PostgreSQL row triggers.
  await db.$transaction([
    db.$executeRawUnsafe(`UPDATE "OrganisationText" SET "key" = "key"`),
    db.$executeRawUnsafe(`UPDATE "ValueText" SET "lang" = "lang"`),
    db.$executeRawUnsafe(`UPDATE "GoalText" SET "lang" = "lang"`),
  ]);
}

/**
 * Makes sure saves are indexed and the index is complete: fails loudly when the triggers are
 * missing, and rebuilds when the index does not have one row per text (a fresh or restored
 * database). Run by the seed on every start. Returns whether it rebuilt.
 */
export async function ensureSearchIndex(db: PrismaClient = prisma): Promise<boolean> {
  await requireTriggers(db);
  if (sqlDialect(db) === "postgresql") {
    const counts = await pgIndexCounts(db);
    if (counts.indexed === counts.texts) return false;
    await pgRebuildSearchIndex(db);
    return true;
  }
  const known = `"lang" IN ('fi', 'sv', 'en')`;
  const [row] = await db.$queryRawUnsafe<{ indexed: number | bigint; texts: number | bigint }[]>(
    `SELECT (SELECT count(*) FROM search_fts) AS indexed,
            (SELECT count(*) FROM "UnitText" WHERE ${known}) + (SELECT count(*) FROM "OrganisationText")
              + (SELECT count(*) FROM "ValueText" WHERE ${known}) + (SELECT count(*) FROM "GoalText" WHERE ${known}) AS texts`,
  );
  if (Number(row.indexed) === Number(row.texts)) return false;
  await rebuildSearchIndex(db);
  return true;
}

/** Empties the index and indexes every text again, in one transaction. */
export async function rebuildSearchIndex(db: PrismaClient = prisma): Promise<void> {
  await requireTriggers(db);
  if (sqlDialect(db) === "postgresql") return pgRebuildSearchIndex(db);
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM search_fts`),
    db.$executeRawUnsafe(`UPDATE "UnitText" SET "lang" = "lang"`),
    db.$executeRawUnsafe(`UPDATE "OrganisationText" SET "key" = "key"`),
    db.$executeRawUnsafe(`UPDATE "ValueText" SET "lang" = "lang"`),
    db.$executeRawUnsafe(`UPDATE "GoalText" SET "lang" = "lang"`),
    // Merge the index into one b-tree: the fastest shape to query.
    db.$executeRawUnsafe(`INSERT INTO search_fts(search_fts) VALUES ('optimize')`),
  ]);
}
