// The unit directory's filters, shared by the server (the no-JavaScript GET form, and the paged
// directory of a large organisation) and the browser (the instant filter). One parser and one
// matcher, so a shared link shows the same units however it is opened.
import { MAX_QUERY_LENGTH, containsAllWords, fold, queryWords } from "./search-text";

export const DIRECTORY_KINDS = ["department", "unit"] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export interface DirectoryFilters {
  q: string;
  kind: DirectoryKind | "";
  location: string;
  /** 1-based; only the server-paged directory uses it. */
  page: number;
}

export const emptyFilters: DirectoryFilters = { q: "", kind: "", location: "", page: 1 };

/** Reads ?q=&kind=&location=&page= leniently: anything unknown means "no filter". */
export function parseDirectoryFilters(params: URLSearchParams): DirectoryFilters {
  const kind = params.get("kind") ?? "";
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return {
    q: (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH),
    kind: (DIRECTORY_KINDS as readonly string[]).includes(kind) ? (kind as DirectoryKind) : "",
    location: (params.get("location") ?? "").slice(0, MAX_QUERY_LENGTH),
    page: Number.isFinite(page) && page > 1 ? Math.min(page, 100_000) : 1,
  };
}

/** "?q=digi&kind=unit", leaving out empty filters and page 1; "" when nothing is filtered. */
export function directorySearch(filters: Partial<DirectoryFilters>): string {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set("q", filters.q.trim());
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.location) params.set("location", filters.location);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function isFiltered(filters: DirectoryFilters): boolean {
  return queryWords(filters.q).length > 0 || filters.kind !== "" || filters.location !== "";
}

/** What the instant filter needs of a unit; `haystack` is made by `directoryHaystack`. */
export interface FilterableUnit {
  kind: string;
  location: string | null;
  haystack: string;
}

/**
 * The text a unit is found by: its name, summary and duties as the reader sees them, and its name
 * in every other language (someone may know only the Finnish name).
 */
export function directoryHaystack(parts: { shown: string[]; otherNames: string[] }): string {
  return fold([...parts.shown, ...parts.otherNames].join("\n"));
}

export function matchesFilters(
  unit: FilterableUnit,
  filters: DirectoryFilters,
  words = queryWords(filters.q),
): boolean {
  if (filters.kind && unit.kind !== filters.kind) return false;
  if (filters.location && unit.location !== filters.location) return false;
  return containsAllWords(unit.haystack, words);
}

export function filterUnits<T extends FilterableUnit>(units: readonly T[], filters: DirectoryFilters): T[] {
  const words = queryWords(filters.q);
  return units.filter((u) => matchesFilters(u, filters, words));
}
