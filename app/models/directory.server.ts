// The unit directory, the organisation chart and a unit's place in the structure.
//
// Up to CLIENT_FILTER_LIMIT units the directory sends every unit and the browser filters as the
// reader types (no request per keystroke). Above it, sending every unit would make the page heavy,
// so the server filters through the site search index and sends one page of results.
import type { PrismaClient } from "~/generated/prisma/client";
import { localize, type Localized } from "~/i18n/content";
import { languages, type Lang } from "~/i18n";
import { prisma, sqlDialect, withPlaceholders } from "~/utils/db.server";
import { directoryHaystack, type DirectoryFilters, type DirectoryKind } from "~/utils/directory";
import { parseStringList } from "~/utils/json-list";
import { queryWords } from "~/utils/search-text";
import { pgDirectoryUnitIds } from "./search-postgres.server";
import { matchExpression, shortWordPatterns } from "./search.server";

/** Measured (npm run bench:search): 300 units are ~160 kB of page data, which still loads fast. */
export const CLIENT_FILTER_LIMIT = 300;
export const DIRECTORY_PAGE_SIZE = 50;

export interface DirectoryUnit {
  slug: string;
  kind: DirectoryKind;
  location: string | null;
  needsReview: boolean;
  name: Localized<string> | null;
  summary: Localized<string> | null;
  /** Folded text the browser filters on; only sent when the browser filters. */
  haystack?: string;
}

interface Totals {
  /** Every unit, whatever the filters. */
  total: number;
  departmentCount: number;
  unitCount: number;
  /** Locations to filter by (the filter is shown only when there is one). */
  locations: string[];
}

export type Directory =
  | (Totals & { mode: "client"; filters: DirectoryFilters; units: (DirectoryUnit & { haystack: string })[] })
  | (Totals & {
      mode: "server";
      filters: DirectoryFilters;
      units: DirectoryUnit[];
      matched: number;
      page: number;
      pages: number;
      pageSize: number;
    });

const unitInclude = { texts: true } as const;
type UnitWithTexts = Awaited<ReturnType<typeof loadUnits>>[number];

function loadUnits(db: PrismaClient, where?: { id: { in: number[] } }) {
  return db.unit.findMany({ where, include: unitInclude, orderBy: [{ position: "asc" }, { slug: "asc" }] });
}

function toDirectoryUnit(u: UnitWithTexts, lang: Lang, withHaystack: boolean): DirectoryUnit {
  const shown = localize(u.texts, lang, u.sourceLang, (t) => t);
  const unit: DirectoryUnit = {
    slug: u.slug,
    kind: u.kind === "department" ? "department" : "unit",
    location: u.location,
    needsReview: u.needsReview,
    name: shown && { ...shown, value: shown.value.name },
    summary: shown && { ...shown, value: shown.value.summary },
  };
  if (withHaystack) {
    unit.haystack = directoryHaystack({
      shown: shown ? [shown.value.name, shown.value.summary, ...parseStringList(shown.value.duties)] : [u.slug],
      otherNames: u.texts.filter((t) => t !== shown?.value).map((t) => t.name),
    });
  }
  return unit;
}

/** Departments first, then units, each in the agency's order. */
const byKind = (a: { kind: string }, b: { kind: string }) =>
  (a.kind === "department" ? 0 : 1) - (b.kind === "department" ? 0 : 1);

async function totals(db: PrismaClient): Promise<Totals> {
  const [kinds, locations] = await Promise.all([
    db.unit.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.unit.findMany({
      where: { location: { not: null } },
      distinct: ["location"],
      select: { location: true },
      orderBy: { location: "asc" },
    }),
  ]);
  const count = (kind: string) => kinds.find((k) => k.kind === kind)?._count._all ?? 0;
  return {
    total: kinds.reduce((sum, k) => sum + k._count._all, 0),
    departmentCount: count("department"),
    unitCount: count("unit"),
    locations: locations.map((l) => l.location).filter((l): l is string => !!l),
  };
}

export async function getDirectory(
  lang: Lang,
  filters: DirectoryFilters,
  { clientFilterLimit = CLIENT_FILTER_LIMIT, db = prisma }: { clientFilterLimit?: number; db?: PrismaClient } = {},
): Promise<Directory> {
  const sums = await totals(db);
  if (sums.total <= clientFilterLimit) {
    const units = (await loadUnits(db))
      .map((u) => toDirectoryUnit(u, lang, true) as DirectoryUnit & { haystack: string })
      .sort(byKind);
    return { ...sums, mode: "client", filters: { ...filters, page: 1 }, units };
  }
  const { ids, matched } = await findUnitIds(
    db,
    lang,
    filters,
    DIRECTORY_PAGE_SIZE,
    (filters.page - 1) * DIRECTORY_PAGE_SIZE,
  );
  const loaded = new Map((await loadUnits(db, { id: { in: ids } })).map((u) => [u.id, u]));
  const units = ids.flatMap((id) => {
    const u = loaded.get(id);
    return u ? [toDirectoryUnit(u, lang, false)] : [];
  });
  return {
    ...sums,
    mode: "server",
    filters,
    units,
    matched,
    page: filters.page,
    pages: Math.ceil(matched / DIRECTORY_PAGE_SIZE),
    pageSize: DIRECTORY_PAGE_SIZE,
  };
}

/**
 * The server side of the same filter the browser runs (`filterUnits`): every word in the unit's
 * name, summary or duties as the reader sees them, or in its name in another language. The index
 * row of the text the reader is shown (`pickText`'s choice, in SQL) carries all of those.
 */
export async function findUnitIds(
  db: PrismaClient,
  lang: Lang,
  filters: DirectoryFilters,
  limit: number,
  offset: number,
): Promise<{ ids: number[]; matched: number }> {
  const words = queryWords(filters.q);
  const unitFilters = `(? = '' OR u."kind" = ?) AND (? = '' OR u."location" = ?)`;
  const unitParams = [filters.kind, filters.kind, filters.location, filters.location];
  const order = `ORDER BY CASE u."kind" WHEN 'department' THEN 0 ELSE 1 END, u."position", u."slug" LIMIT ? OFFSET ?`;
  let rows: { id: number | bigint; matched: number | bigint }[];
  if (words.length === 0) {
    rows = await db.$queryRawUnsafe(
      withPlaceholders(
        db,
        `SELECT u."id" AS id, count(*) OVER () AS matched FROM "Unit" u WHERE ${unitFilters} ${order}`,
      ),
      ...unitParams,
      limit,
      offset,
    );
  } else if (sqlDialect(db) === "postgresql") {
    rows = await pgDirectoryUnitIds(db, {
      langSlot: ["fi", "sv", "en"].indexOf(lang),
      lang,
      words,
      kind: filters.kind,
      location: filters.location,
      limit,
      offset,
    });
  } else {
    const match = matchExpression(words, ["title", "summary", "names"]);
    const likes = shortWordPatterns(words);
    const conditions = [
      ...(match ? ["search_fts MATCH ?"] : []),
      ...likes.map(() => "(title || char(10) || summary || char(10) || names) LIKE ?"),
    ];
    // An index row's rowid is 1e9 + unitId * 4 + language (fi 0, sv 1, en 2): the unit and the
    // language are known without reading the stored text. The row that counts is the one in the
    // language the reader is shown (pickText's choice): theirs, else the unit's source language,
    // else the first of fi, sv, en.
    rows = await db.$queryRawUnsafe(
      `SELECT u."id" AS id, count(*) OVER () AS matched
       FROM search_fts JOIN "Unit" u ON u."id" = (search_fts.rowid - 1000000000) / 4
       WHERE ${conditions.join(" AND ")} AND search_fts.rowid BETWEEN 1000000000 AND 1999999999
         AND ((search_fts.rowid - 1000000000) % 4 = ?
           OR (NOT EXISTS (SELECT 1 FROM "UnitText" x WHERE x."unitId" = u."id" AND x."lang" = ?)
               AND (search_fts.rowid - 1000000000) % 4 = CASE COALESCE(
                 (SELECT x."lang" FROM "UnitText" x WHERE x."unitId" = u."id" AND x."lang" = u."sourceLang"),
                 (SELECT x."lang" FROM "UnitText" x WHERE x."unitId" = u."id" AND x."lang" IN ('fi', 'sv', 'en')
                    ORDER BY CASE x."lang" WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 ELSE 2 END LIMIT 1))
                 WHEN 'fi' THEN 0 WHEN 'sv' THEN 1 WHEN 'en' THEN 2 END))
         AND ${unitFilters}
       ${order}`,
      ...(match ? [match] : []),
      ...likes,
      languages.indexOf(lang),
      lang,
      ...unitParams,
      limit,
      offset,
    );
  }
  if (rows.length === 0 && offset > 0) {
    // A page past the end: say how many there are, so the page can offer the last one.
    return { ids: [], matched: (await findUnitIds(db, lang, filters, 1, 0)).matched };
  }
  return { ids: rows.map((r) => Number(r.id)), matched: rows.length ? Number(rows[0].matched) : 0 };
}

// ---- the organisation chart --------------------------------------------------------------------

export interface ChartNode {
  slug: string;
  kind: DirectoryKind;
  name: Localized<string> | null;
  children: ChartNode[];
}

export interface OrgChart {
  directorGeneralName: string | null;
  /** Units directly under the Director General: departments first, then units. */
  roots: ChartNode[];
}

export async function getOrgChart(lang: Lang, db: PrismaClient = prisma): Promise<OrgChart> {
  const [profile, units] = await Promise.all([
    db.organisationProfile.findUnique({ where: { id: 1 }, select: { directorGeneralName: true } }),
    loadUnits(db),
  ]);
  return { directorGeneralName: profile?.directorGeneralName ?? null, roots: buildTree(units, lang) };
}

/** Nests units under their parents; a unit whose parent is missing (or a cycle) goes to the top. */
export function buildTree(
  units: {
    id: number;
    parentId: number | null;
    slug: string;
    kind: string;
    sourceLang: string;
    texts: UnitWithTexts["texts"];
  }[],
  lang: Lang,
): ChartNode[] {
  const nodes = new Map(
    units.map((u) => [
      u.id,
      {
        node: {
          slug: u.slug,
          kind: (u.kind === "department" ? "department" : "unit") as DirectoryKind,
          name: localize(u.texts, lang, u.sourceLang, (t) => t.name),
          children: [] as ChartNode[],
        },
        parentId: u.parentId,
      },
    ]),
  );
  const reachesRoot = (id: number) => {
    const seen = new Set<number>();
    for (let at: number | null = id; at !== null; at = nodes.get(at)?.parentId ?? null) {
      if (seen.has(at) || !nodes.has(at)) return false;
      seen.add(at);
    }
    return true;
  };
  const roots: ChartNode[] = [];
  for (const [id, { node, parentId }] of nodes) {
    const parent = parentId !== null && reachesRoot(id) ? nodes.get(parentId) : undefined;
    (parent ? parent.node.children : roots).push(node);
  }
  const sortLevel = (level: ChartNode[]) => {
    level.sort(byKind);
    level.forEach((n) => sortLevel(n.children));
  };
  sortLevel(roots);
  return roots;
}

/** The units above one unit, from the top down (for breadcrumbs). */
export async function getUnitAncestors(lang: Lang, slug: string, db: PrismaClient = prisma) {
  const chain: { slug: string; name: Localized<string> | null }[] = [];
  let unit = await db.unit.findUnique({ where: { slug }, select: { parentId: true } });
  const seen = new Set<number>();
  while (unit?.parentId != null && !seen.has(unit.parentId) && chain.length < 50) {
    seen.add(unit.parentId);
    const parent: { slug: string; sourceLang: string; parentId: number | null; texts: UnitWithTexts["texts"] } | null =
      await db.unit.findUnique({ where: { id: unit.parentId }, include: { texts: true } });
    if (!parent) break;
    chain.unshift({ slug: parent.slug, name: localize(parent.texts, lang, parent.sourceLang, (t) => t.name) });
    unit = parent;
  }
  return chain;
}
