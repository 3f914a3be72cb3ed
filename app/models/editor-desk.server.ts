// The editor's desk: what needs the attention of a page's owner or editor (reviews overdue or due
// within 30 days, open corrections), most urgent first; for HR and admins, every page with
// filters and a CSV export.
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { canEditAsOwner, canManageOwnership, listPages, type PageListing } from "./page-ownership.server";
import { helsinkiDate, reviewDueOn, reviewState } from "./review-dates";
import { canEditUnit, type Actor } from "./roles";

/** "Their pages": the ones they own, and for a unit editor the units they edit. */
function isTheirs(actor: Actor, page: PageListing) {
  return (
    canEditAsOwner(actor, page.ownerId) ||
    (actor.role === "unit_editor" && page.page.type === "unit" && canEditUnit(actor, page.page.id))
  );
}

function needsAttention(page: PageListing) {
  return page.state === "overdue" || page.state === "due_soon" || page.openSuggestions > 0;
}

/** Overdue first (longest overdue first), then open corrections, then the nearest due date. */
function urgency(a: PageListing, b: PageListing) {
  const rank = (p: PageListing) => (p.state === "overdue" ? 0 : p.openSuggestions > 0 ? 1 : 2);
  return rank(a) - rank(b) || (a.dueOn ?? "").localeCompare(b.dueOn ?? "") || a.title.localeCompare(b.title);
}

export async function attentionFor(actor: Actor, lang: Lang, now = new Date()) {
  const pages = await listPages(lang, now);
  return pages.filter((p) => isTheirs(actor, p) && needsAttention(p)).sort(urgency);
}

/** For the navigation: how many of this person's pages need attention (cheap: two small queries). */
export async function countAttention(actor: Actor, now = new Date()): Promise<number> {
  const unitIds = actor.role === "unit_editor" ? actor.editableUnitIds : [];
  const rows = await prisma.pageOwnership.findMany({
    where: { OR: [{ ownerId: actor.id }, { pageType: "unit", pageId: { in: unitIds } }] },
    select: { pageType: true, pageId: true, lastReviewedOn: true, reviewIntervalMonths: true },
  });
  if (rows.length === 0) return 0;
  const today = helsinkiDate(now);
  const open = await prisma.correctionSuggestion.groupBy({
    by: ["pageType", "pageId"],
    where: { status: "open", OR: rows.map((r) => ({ pageType: r.pageType, pageId: r.pageId })) },
    _count: true,
  });
  return rows.filter((r) => {
    const state = reviewState(reviewDueOn(r.lastReviewedOn, r.reviewIntervalMonths), today);
    return state !== "ok" || open.some((o) => o.pageType === r.pageType && o.pageId === r.pageId);
  }).length;
}

export interface PageFilter {
  page?: string;
  /** A user id, or "none" for HR's no-owner queue. */
  owner?: string;
  state?: "overdue" | "due_soon" | "ok";
}

export function parsePageFilter(url: URL): PageFilter {
  const state = url.searchParams.get("state");
  return {
    page: url.searchParams.get("page") || undefined,
    owner: url.searchParams.get("owner") || undefined,
    state: state === "overdue" || state === "due_soon" || state === "ok" ? state : undefined,
  };
}

/** Every page, filtered, for HR and admins; null for anyone else. */
export async function allPagesFor(actor: Actor, lang: Lang, filter: PageFilter, now = new Date()) {
  if (!canManageOwnership(actor)) return null;
  const pages = await listPages(lang, now);
  const owners = [
    ...new Map(
      pages.filter((p) => p.ownerId).map((p) => [p.ownerId!, { id: p.ownerId!, name: p.ownerName! }]),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const shown = pages
    .filter((p) => !filter.page || p.key === filter.page)
    .filter((p) => !filter.owner || (filter.owner === "none" ? p.ownerId === null : String(p.ownerId) === filter.owner))
    .filter((p) => !filter.state || p.state === filter.state);
  return {
    pages: shown.map((p) => ({
      key: p.key,
      title: p.title,
      path: p.path,
      ownerName: p.ownerName,
      lastReviewedOn: p.lastReviewedOn,
      dueOn: p.dueOn,
      state: p.state,
      openSuggestions: p.openSuggestions,
    })),
    options: { pages: pages.map((p) => ({ key: p.key, title: p.title })), owners },
  };
}
