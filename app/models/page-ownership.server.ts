// Who answers for a page: its owner (set by HR), the review interval and the last review. The
// rules of who may do what with a page because they own it live here, beside the role rules in
// roles.ts: an owner may edit and confirm their page whatever their role; HR and admins manage
// owners and intervals; the owner and the page's editors see and resolve corrections.
import type { Lang } from "~/i18n";
import { translator } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { OrgDoc } from "./organisation-editing.server";
import type { Db } from "./revision.server";
import {
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  helsinkiDate,
  reviewDueOn,
  reviewState,
  type ReviewState,
} from "./review-dates";
import { canEditOrganisationTexts, canEditUnit, type Actor } from "./roles";

// The organisation documents (as ORG_DOCS in organisation-editing.server.ts, which imports this
// module: a copy here keeps the import one-way).
const ORG_DOCS: readonly OrgDoc[] = ["strategy", "values", "goals"];

export type PageType = "unit" | OrgDoc;
export interface PageRef {
  type: PageType;
  /** The unit's id; 0 for an organisation document. */
  id: number;
}

export const unitPage = (unitId: number): PageRef => ({ type: "unit", id: unitId });
export const docPage = (doc: OrgDoc): PageRef => ({ type: doc, id: 0 });

export function isPageType(value: unknown): value is PageType {
  return value === "unit" || (ORG_DOCS as readonly unknown[]).includes(value);
}

// ---- who may do what ---------------------------------------------------------------------------

export function canManageOwnership(actor: Actor | null): boolean {
  return actor?.role === "admin" || actor?.role === "hr_editor";
}

/** Editing rights that come from the role (unit editor of that unit, HR, admin). */
export function canEditByRole(actor: Actor | null, page: PageRef): boolean {
  return page.type === "unit" ? canEditUnit(actor, page.id) : canEditOrganisationTexts(actor);
}

export function canEditAsOwner(actor: Actor | null, ownerId: number | null | undefined): boolean {
  return !!actor && ownerId != null && ownerId === actor.id;
}

/** Owner or editor: may edit the page, see who suggested a correction, and resolve it. */
export function canResolveSuggestion(actor: Actor | null, page: PageRef, ownerId: number | null | undefined) {
  return canEditByRole(actor, page) || canEditAsOwner(actor, ownerId);
}

/** "Still accurate": the owner, or HR. */
export function canConfirmReview(actor: Actor | null, ownerId: number | null | undefined): boolean {
  return canEditAsOwner(actor, ownerId) || canManageOwnership(actor);
}

async function ownerIdOf(page: PageRef, db: Db = prisma): Promise<number | null> {
  const row = await db.pageOwnership.findUnique({
    where: { pageType_pageId: { pageType: page.type, pageId: page.id } },
    select: { ownerId: true },
  });
  return row?.ownerId ?? null;
}

/** The server-side check of every edit of a page: role rights or ownership. */
export async function mayEditPage(actor: Actor | null, page: PageRef, db: Db = prisma): Promise<boolean> {
  if (!actor) return false;
  return canEditByRole(actor, page) || canEditAsOwner(actor, await ownerIdOf(page, db));
}

export async function mayResolveSuggestions(actor: Actor | null, page: PageRef): Promise<boolean> {
  return mayEditPage(actor, page);
}

// ---- reading -----------------------------------------------------------------------------------

export interface PageCare {
  ownerId: number | null;
  ownerName: string | null;
  intervalMonths: number;
  lastReviewedOn: string | null;
  dueOn: string | null;
  state: ReviewState | null;
}

type OwnershipRow = {
  ownerId: number | null;
  reviewIntervalMonths: number;
  lastReviewedOn: string;
  owner: { name: string; disabledAt: Date | null } | null;
};

function careOf(row: OwnershipRow | null, today: string): PageCare {
  if (!row) {
    return { ownerId: null, ownerName: null, intervalMonths: DEFAULT_REVIEW_INTERVAL_MONTHS, ...noReview };
  }
  // A disabled owner owns nothing (disabling also clears the owner; this covers older rows).
  const owner = row.owner && !row.owner.disabledAt ? row.owner : null;
  const dueOn = reviewDueOn(row.lastReviewedOn, row.reviewIntervalMonths);
  return {
    ownerId: owner ? row.ownerId : null,
    ownerName: owner?.name ?? null,
    intervalMonths: row.reviewIntervalMonths,
    lastReviewedOn: row.lastReviewedOn,
    dueOn,
    state: reviewState(dueOn, today),
  };
}
const noReview = { lastReviewedOn: null, dueOn: null, state: null };

const ownershipSelect = {
  ownerId: true,
  reviewIntervalMonths: true,
  lastReviewedOn: true,
  owner: { select: { name: true, disabledAt: true } },
} as const;

export async function getPageCare(page: PageRef, now: Date = new Date()): Promise<PageCare> {
  const row = await prisma.pageOwnership.findUnique({
    where: { pageType_pageId: { pageType: page.type, pageId: page.id } },
    select: ownershipSelect,
  });
  return careOf(row, helsinkiDate(now));
}

export interface PageListing extends PageCare {
  page: PageRef;
  key: string;
  title: string;
  path: string;
  unitSlug: string | null;
  openSuggestions: number;
}

/** A page as a URL segment: "strategy", "values", "goals" or "unit-<slug>". */
export function pageKey(page: PageRef, slug?: string | null): string {
  return page.type === "unit" ? `unit-${slug}` : page.type;
}

/** Every unit page and organisation document with owner, review state and open suggestions. */
export async function listPages(lang: Lang, now: Date = new Date()): Promise<PageListing[]> {
  const today = helsinkiDate(now);
  const t = translator(lang);
  const [units, rows, open] = await Promise.all([
    prisma.unit.findMany({
      orderBy: [{ position: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, sourceLang: true, texts: { select: { lang: true, name: true } } },
    }),
    prisma.pageOwnership.findMany({ select: { ...ownershipSelect, pageType: true, pageId: true } }),
    prisma.correctionSuggestion.groupBy({ by: ["pageType", "pageId"], where: { status: "open" }, _count: true }),
  ]);
  const rowOf = (page: PageRef) => rows.find((r) => r.pageType === page.type && r.pageId === page.id) ?? null;
  const openOf = (page: PageRef) => open.find((o) => o.pageType === page.type && o.pageId === page.id)?._count ?? 0;
  const docs: PageListing[] = ORG_DOCS.map((doc) => ({
    ...careOf(rowOf(docPage(doc)), today),
    page: docPage(doc),
    key: doc,
    title: t(`edit.${doc}.docName`),
    path: `/${lang}/${doc}`,
    unitSlug: null,
    openSuggestions: openOf(docPage(doc)),
  }));
  const unitPages: PageListing[] = units.map((u) => {
    const name =
      u.texts.find((x) => x.lang === lang)?.name ?? u.texts.find((x) => x.lang === u.sourceLang)?.name ?? u.slug;
    return {
      ...careOf(rowOf(unitPage(u.id)), today),
      page: unitPage(u.id),
      key: pageKey(unitPage(u.id), u.slug),
      title: name,
      path: `/${lang}/units/${u.slug}`,
      unitSlug: u.slug,
      openSuggestions: openOf(unitPage(u.id)),
    };
  });
  return [...docs, ...unitPages];
}

/** The page a URL segment names, or null. */
export async function resolvePageKey(key: string): Promise<{ page: PageRef; slug: string | null } | null> {
  if ((ORG_DOCS as readonly string[]).includes(key)) return { page: docPage(key as OrgDoc), slug: null };
  if (!key.startsWith("unit-")) return null;
  const unit = await prisma.unit.findUnique({ where: { slug: key.slice(5) }, select: { id: true, slug: true } });
  return unit ? { page: unitPage(unit.id), slug: unit.slug } : null;
}

export async function listReviews(page: PageRef) {
  const reviews = await prisma.pageReview.findMany({
    where: { pageType: page.type, pageId: page.id },
    orderBy: { id: "desc" },
    take: 50,
  });
  const reviewers = await prisma.user.findMany({
    where: { id: { in: reviews.map((r) => r.reviewerId).filter((id): id is number => id !== null) } },
    select: { id: true, name: true },
  });
  return reviews.map((r) => ({
    id: r.id,
    kind: r.kind as "confirmed" | "edit",
    reviewedOn: r.reviewedOn,
    revisionId: r.revisionId,
    reviewer: reviewers.find((u) => u.id === r.reviewerId)?.name ?? null,
  }));
}

// ---- writing -----------------------------------------------------------------------------------

type By = { id: number; email: string };

export class OwnershipNotAllowedError extends Error {}

/**
 * A review of the page: a "still accurate" or a saved edit. The due date moves on from today.
 * Called inside the transaction of the save, so an edit and its review stand or fall together.
 */
export async function recordReview(
  db: Db,
  args: { page: PageRef; reviewer: By; kind: "confirmed" | "edit"; revisionId?: number | null; now?: Date },
) {
  const { page, reviewer, kind } = args;
  const reviewedOn = helsinkiDate(args.now ?? new Date());
  await db.pageOwnership.upsert({
    where: { pageType_pageId: { pageType: page.type, pageId: page.id } },
    update: { lastReviewedOn: reviewedOn },
    create: { pageType: page.type, pageId: page.id, lastReviewedOn: reviewedOn },
  });
  await db.pageReview.create({
    data: {
      pageType: page.type,
      pageId: page.id,
      kind,
      reviewedOn,
      reviewerId: reviewer.id,
      revisionId: args.revisionId ?? null,
    },
  });
  return reviewedOn;
}

/** "Still accurate": the owner or HR confirms the page without changing it. */
export async function confirmStillAccurate(args: {
  actor: Actor & By;
  page: PageRef;
  ipAddress: string | null;
  now?: Date;
}): Promise<{ reviewedOn: string }> {
  const { actor, page, ipAddress } = args;
  return prisma.$transaction(async (tx) => {
    if (!canConfirmReview(actor, await ownerIdOf(page, tx))) throw new OwnershipNotAllowedError();
    const reviewedOn = await recordReview(tx, { page, reviewer: actor, kind: "confirmed", now: args.now });
    await recordAudit(
      {
        action: "page.review",
        actor,
        ipAddress,
        targetType: page.type,
        targetId: page.id,
        details: { reviewedOn },
      },
      tx,
    );
    return { reviewedOn };
  });
}

/** HR sets the owner (or none) and the review interval; each change is audited. */
export async function setPageOwnership(args: {
  actor: Actor & By;
  page: PageRef;
  ownerId: number | null;
  intervalMonths: number;
  ipAddress: string | null;
  now?: Date;
}) {
  const { actor, page, ownerId, intervalMonths, ipAddress } = args;
  if (!canManageOwnership(actor)) throw new OwnershipNotAllowedError();
  return prisma.$transaction(async (tx) => {
    if (ownerId !== null) {
      const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
      if (!owner || owner.disabledAt) return { status: "unknownOwner" as const };
    }
    const key = { pageType_pageId: { pageType: page.type, pageId: page.id } };
    const before = await tx.pageOwnership.findUnique({ where: key });
    await tx.pageOwnership.upsert({
      where: key,
      update: { ownerId, reviewIntervalMonths: intervalMonths },
      create: {
        pageType: page.type,
        pageId: page.id,
        ownerId,
        reviewIntervalMonths: intervalMonths,
        lastReviewedOn: helsinkiDate(args.now ?? new Date()),
      },
    });
    const target = { actor, ipAddress, targetType: page.type, targetId: page.id };
    if ((before?.ownerId ?? null) !== ownerId) {
      await recordAudit(
        { ...target, action: "page.owner_change", details: { from: before?.ownerId ?? null, to: ownerId } },
        tx,
      );
    }
    const fromInterval = before?.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
    if (fromInterval !== intervalMonths) {
      await recordAudit(
        { ...target, action: "page.interval_change", details: { from: fromInterval, to: intervalMonths } },
        tx,
      );
    }
    return { status: "saved" as const };
  });
}

/** A disabled person owns nothing: their pages go back to HR's "no owner" queue (audited). */
export async function releaseOwnedPages(db: Db, userId: number, by: By | null, ipAddress?: string | null) {
  const owned = await db.pageOwnership.findMany({ where: { ownerId: userId } });
  if (owned.length === 0) return 0;
  await db.pageOwnership.updateMany({ where: { ownerId: userId }, data: { ownerId: null } });
  for (const row of owned) {
    await recordAudit(
      {
        action: "page.owner_change",
        actor: by,
        ipAddress,
        targetType: row.pageType,
        targetId: row.pageId,
        details: { from: userId, to: null, reason: "owner disabled" },
      },
      db,
    );
  }
  return owned.length;
}

/** People HR can choose as owners: enabled accounts. */
export async function listPossibleOwners() {
  return prisma.user.findMany({
    where: { disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** A page's title and path (without origin) in one language; null for a unit that is gone. */
export async function describePage(page: PageRef, lang: Lang, db: Db = prisma) {
  if (page.type !== "unit") {
    return { title: translator(lang)(`edit.${page.type}.docName`), path: `/${lang}/${page.type}`, slug: null };
  }
  const unit = await db.unit.findUnique({
    where: { id: page.id },
    select: { slug: true, sourceLang: true, texts: { select: { lang: true, name: true } } },
  });
  if (!unit) return null;
  const title =
    unit.texts.find((x) => x.lang === lang)?.name ??
    unit.texts.find((x) => x.lang === unit.sourceLang)?.name ??
    unit.slug;
  return { title, path: `/${lang}/units/${unit.slug}`, slug: unit.slug };
}

/** The page's care page (reviews, owner, open suggestions). */
export function carePath(lang: Lang, page: PageRef, slug: string | null) {
  return `/${lang}/editor/pages/${pageKey(page, slug)}`;
}

/** What a page shows about its care to this reader: owner, check date, due notice, their links. */
export async function pageCareForReader(actor: Actor | null, page: PageRef, slug: string | null, lang: Lang) {
  const care = await getPageCare(page);
  const canResolve = !!actor && canResolveSuggestion(actor, page, care.ownerId);
  const openSuggestions = canResolve
    ? await prisma.correctionSuggestion.count({ where: { pageType: page.type, pageId: page.id, status: "open" } })
    : 0;
  return {
    pageKey: pageKey(page, slug),
    ownerName: care.ownerName,
    lastReviewedOn: care.lastReviewedOn,
    dueOn: care.dueOn,
    overdue: care.state === "overdue",
    signedIn: !!actor,
    /** The owner's own link to the editor (editors by role have theirs already). */
    editAsOwner: !!actor && canEditAsOwner(actor, care.ownerId) && !canEditByRole(actor, page),
    editPath: page.type === "unit" ? `/${lang}/units/${slug}/edit` : `/${lang}/${page.type}/edit`,
    carePath: canResolve || canManageOwnership(actor) ? carePath(lang, page, slug) : null,
    openSuggestions,
  };
}
export type ReaderPageCare = Awaited<ReturnType<typeof pageCareForReader>>;

export async function ownsAnyPage(userId: number): Promise<boolean> {
  return (await prisma.pageOwnership.count({ where: { ownerId: userId } })) > 0;
}
