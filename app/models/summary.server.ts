// Goal summaries (issue 7): what the agency's goals mean for one team, written by its
// supervisor, read by the team, shared by link. The rules live here; routes only call them.
// docs/decisions/0008-goal-summaries-sharing-and-pdf.md
import crypto from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { isLang, languages, type Lang } from "~/i18n";
import type { Localized } from "~/i18n/content";
import { prisma } from "~/utils/db.server";
import { fieldError, message, type FormErrors, type FormFields } from "~/utils/forms";
import { parseStringList } from "~/utils/json-list";
import { renderMarkdown } from "~/utils/markdown.server";
import { recordAudit } from "./audit.server";
import { isVersionConflict, recordEdit, runEdit, versionConflict, writeAtVersion } from "./editing-core.server";
import { BLANK_TARGET_ROWS, SUMMARY_LIMITS } from "./summary-rules";
import { getGoals } from "./organisation.server";
import type { Role } from "./roles";
import { isSupervisor, isSupervisorOf } from "./team.server";
import { parseId } from "~/utils/ids";

export interface SummaryActor {
  id: number;
  email: string;
  role: Role;
}

export const MAX_TARGETS_PER_ITEM = 30;

// ---------------------------------------------------------------------------------------------
// Permissions: composing is for supervisors (anyone with a report), HR editors and admins;
// editing, sharing and deleting for the author and admins; reading a published summary also for
// the author's reports and HR editors. A draft is the author's (and admins') alone.

export async function canComposeSummaries(actor: SummaryActor): Promise<boolean> {
  if (actor.role === "admin" || actor.role === "hr_editor") return true;
  return isSupervisor(actor.id);
}

export function canManageSummary(actor: SummaryActor, summary: { authorId: number }): boolean {
  return actor.id === summary.authorId || actor.role === "admin";
}

export async function canReadSummary(
  actor: SummaryActor,
  summary: { authorId: number; status: string },
): Promise<boolean> {
  if (canManageSummary(actor, summary)) return true;
  if (summary.status !== "published") return false;
  if (actor.role === "hr_editor") return true;
  return isSupervisorOf(summary.authorId, actor.id);
}

// ---------------------------------------------------------------------------------------------
// The agency's points a summary can refer to: the goals and the strategy's vision points. Their
// wording is always read from the database when shown, never stored in the summary.

export interface AgencyPoint {
  /** Form key: "goal-<goal key>" or "vision-<index>". */
  key: string;
  kind: "goal" | "vision";
  /** 1-based number as the agency lists it. */
  number: number;
  goalId: number | null;
  visionIndex: number | null;
  text: Localized<string> | null;
}

/**
 * The vision points in `lang`. The index is the point's place in the source-language list; a
 * translated list is used only when it has as many points (a partial list would shift them),
 * otherwise the source-language point is shown, marked as such.
 */
export async function getVisionPoints(lang: Lang): Promise<Localized<string>[]> {
  const [profile, rows] = await Promise.all([
    prisma.organisationProfile.findUnique({ where: { id: 1 }, select: { sourceLang: true } }),
    prisma.organisationText.findMany({ where: { key: "strategyVision" } }),
  ]);
  const sourceLang = profile?.sourceLang ?? "en";
  const source = rows.find((r) => r.lang === sourceLang);
  if (!source || !isLang(source.lang)) return [];
  const sourcePoints = parseStringList(source.body);
  const wanted = rows.find((r) => r.lang === lang);
  const wantedPoints = wanted ? parseStringList(wanted.body) : [];
  const useWanted = wanted && wantedPoints.length === sourcePoints.length;
  const outdated =
    !!useWanted && lang !== sourceLang && wanted.sourceVersion != null && source.version > wanted.sourceVersion;
  return sourcePoints.map((point, i) =>
    useWanted
      ? { value: wantedPoints[i], lang, isFallback: false, isOutdated: outdated }
      : { value: point, lang: source.lang as Lang, isFallback: source.lang !== lang, isOutdated: false },
  );
}

export async function listAgencyPoints(lang: Lang): Promise<AgencyPoint[]> {
  const [goals, ids, vision] = await Promise.all([
    getGoals(lang),
    prisma.goal.findMany({ select: { id: true, key: true } }),
    getVisionPoints(lang),
  ]);
  const idOf = new Map(ids.map((g) => [g.key, g.id]));
  return [
    ...goals.map((g, i) => ({
      key: `goal-${g.key}`,
      kind: "goal" as const,
      number: i + 1,
      goalId: idOf.get(g.key) ?? null,
      visionIndex: null,
      text: g.text,
    })),
    ...vision.map((text, i) => ({
      key: `vision-${i}`,
      kind: "vision" as const,
      number: i + 1,
      goalId: null,
      visionIndex: i,
      text,
    })),
  ];
}

// ---------------------------------------------------------------------------------------------
// The compose form. Its state has one entry per agency point, chosen or not, so a form sent back
// with errors shows exactly what was typed.

export interface TargetInput {
  text: string;
  owner: string;
  dueDate: string;
}
export interface ItemInput {
  selected: boolean;
  teamText: string;
  targets: TargetInput[];
}
export interface SummaryFormState {
  title: string;
  lang: string;
  intro: string;
  items: Record<string, ItemInput>;
  /** The stored version the form was read at (0: a new summary). */
  version: number;
}

const blankTarget = (): TargetInput => ({ text: "", owner: "", dueDate: "" });
const isBlankTarget = (t: TargetInput) => !t.text.trim() && !t.owner.trim() && !t.dueDate.trim();

/** Existing targets plus the empty rows offered for new ones. */
function withBlankRows(targets: TargetInput[]): TargetInput[] {
  return [...targets, ...Array.from({ length: BLANK_TARGET_ROWS }, blankTarget)];
}

export function emptyFormState(points: AgencyPoint[], lang: Lang): SummaryFormState {
  return {
    title: "",
    lang,
    intro: "",
    version: 0,
    items: Object.fromEntries(
      points.map((p) => [p.key, { selected: false, teamText: "", targets: withBlankRows([]) }]),
    ),
  };
}

/** Reads the posted form for the given points; names are "<point key>.teamText", "<point key>.targets.<n>.owner". */
export function readSummaryForm(form: FormFields, points: AgencyPoint[]): SummaryFormState {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const items: Record<string, ItemInput> = {};
  for (const point of points) {
    const targets: TargetInput[] = [];
    for (let i = 0; i < MAX_TARGETS_PER_ITEM; i++) {
      const prefix = `${point.key}.targets.${i}`;
      if (!form.has(`${prefix}.text`) && !form.has(`${prefix}.owner`) && !form.has(`${prefix}.dueDate`)) break;
      targets.push({
        text: text(`${prefix}.text`),
        owner: text(`${prefix}.owner`),
        dueDate: text(`${prefix}.dueDate`),
      });
    }
    items[point.key] = {
      selected: form.has(`${point.key}.selected`),
      teamText: text(`${point.key}.teamText`),
      targets,
    };
  }
  const version = Number(text("version"));
  return {
    title: text("title"),
    lang: text("lang"),
    intro: text("intro"),
    items,
    version: Number.isSafeInteger(version) && version >= 0 ? version : 0,
  };
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, message("summaries.errorDate"))
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    message("summaries.errorDate"),
  );

const targetSchema = z
  .object({
    text: z.string().trim().max(SUMMARY_LIMITS.targetText, message("error.tooLong")),
    owner: z.string().trim().max(SUMMARY_LIMITS.owner, message("error.tooLong")),
    dueDate: z.union([z.literal(""), isoDate]),
  })
  .superRefine((t, ctx) => {
    // A row left empty is no target; a started row needs its text and an owner.
    if (!t.text && !t.owner && !t.dueDate) return;
    if (!t.text) ctx.addIssue({ code: "custom", path: ["text"], message: message("summaries.errorTargetText") });
    if (!t.owner) ctx.addIssue({ code: "custom", path: ["owner"], message: message("summaries.errorOwner") });
  });

const itemSchema = z.object({
  selected: z.boolean(),
  teamText: z.string().trim().max(SUMMARY_LIMITS.teamText, message("error.tooLong")),
  targets: z.array(targetSchema),
});

function summarySchema(publish: boolean) {
  return z
    .object({
      title: z.string().trim().min(1, message("error.required")).max(SUMMARY_LIMITS.title, message("error.tooLong")),
      lang: z.enum(languages, message("error.required")),
      intro: z.string().trim().max(SUMMARY_LIMITS.intro, message("error.tooLong")),
      items: z.record(z.string(), itemSchema),
    })
    .superRefine((s, ctx) => {
      if (!publish) return;
      const chosen = Object.entries(s.items).filter(([, item]) => item.selected);
      if (chosen.length === 0)
        ctx.addIssue({ code: "custom", path: ["items"], message: message("summaries.errorNoItems") });
      for (const [key, item] of chosen) {
        if (!item.teamText)
          ctx.addIssue({
            code: "custom",
            path: ["items", key, "teamText"],
            message: message("summaries.errorTeamText"),
          });
      }
    });
}

export interface SummaryInput {
  title: string;
  lang: Lang;
  intro: string;
  items: { goalId: number | null; visionIndex: number | null; teamText: string; targets: TargetInput[] }[];
}

export type SummaryValidation = { ok: true; data: SummaryInput } | { ok: false; errors: FormErrors };

/** Field name of an error: "title", "items", "goal-quality.targets.0.owner". */
function fieldOf(path: PropertyKey[]): string {
  const parts = path.map(String);
  return parts[0] === "items" && parts.length > 1 ? parts.slice(1).join(".") : parts.join(".");
}

export function validateSummaryForm(
  state: SummaryFormState,
  points: AgencyPoint[],
  publish: boolean,
): SummaryValidation {
  const result = summarySchema(publish).safeParse(state);
  if (!result.success) {
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      (errors[fieldOf(issue.path)] ??= []).push(fieldError(issue));
    }
    return { ok: false, errors };
  }
  const parsed = result.data;
  // Items in the agency's order: the goals, then the vision points.
  const items = points
    .filter((p) => parsed.items[p.key]?.selected && (p.goalId !== null || p.visionIndex !== null))
    .map((p) => ({
      goalId: p.goalId,
      visionIndex: p.visionIndex,
      teamText: parsed.items[p.key].teamText,
      targets: parsed.items[p.key].targets.filter((t) => !isBlankTarget(t)),
    }));
  return { ok: true, data: { title: parsed.title, lang: parsed.lang, intro: parsed.intro, items } };
}

// ---------------------------------------------------------------------------------------------
// Saving

export class SummaryNotFoundError extends Error {}

function itemsCreate(items: SummaryInput["items"]): Prisma.TeamSummaryItemCreateWithoutSummaryInput[] {
  return items.map((item, position) => ({
    position,
    ...(item.goalId !== null ? { goal: { connect: { id: item.goalId } } } : {}),
    visionIndex: item.visionIndex,
    teamText: item.teamText,
    targets: {
      create: item.targets.map((t, i) => ({
        position: i,
        text: t.text.trim(),
        owner: t.owner.trim(),
        dueDate: t.dueDate || null,
      })),
    },
  }));
}

export async function createSummary(
  actor: SummaryActor,
  input: SummaryInput,
  publish: boolean,
  ipAddress?: string | null,
) {
  return prisma.$transaction(async (tx) => {
    const summary = await tx.teamSummary.create({
      data: {
        authorId: actor.id,
        title: input.title,
        lang: input.lang,
        intro: input.intro,
        status: publish ? "published" : "draft",
        publishedAt: publish ? new Date() : null,
        items: { create: itemsCreate(input.items) },
      },
    });
    await recordAudit(
      {
        action: publish ? "summary.publish" : "summary.create",
        actor,
        targetType: "summary",
        targetId: summary.id,
        ipAddress,
        details: { title: summary.title },
      },
      tx,
    );
    return summary;
  });
}

export type SummaryUpdate =
  | { status: "saved"; summary: { id: number; status: string; version: number } }
  /** Someone else saved the summary since the form was read: nothing was written. */
  | { status: "conflict"; currentVersion: number; updatedAt: string };

/**
 * Replaces the summary's content if it is still at `baseVersion` (the version the edit form was
 * read at); `publish` publishes a draft (a published summary stays published).
 */
export async function updateSummary(
  id: number,
  actor: SummaryActor,
  input: SummaryInput,
  publish: boolean,
  ipAddress: string | null | undefined,
  baseVersion: number,
): Promise<SummaryUpdate> {
  const outcome = await runEdit(async (tx) => {
    const before = await tx.teamSummary.findUnique({ where: { id } });
    if (!before) throw new SummaryNotFoundError();
    if (before.version !== baseVersion) return versionConflict("summary");
    const publishing = publish && before.status !== "published";
    await writeAtVersion("summary", {
      exists: true,
      update: () =>
        tx.teamSummary.updateMany({
          where: { id, version: baseVersion },
          data: {
            title: input.title,
            lang: input.lang,
            intro: input.intro,
            version: baseVersion + 1,
            ...(publishing ? { status: "published", publishedAt: new Date() } : {}),
          },
        }),
    });
    await tx.teamSummaryItem.deleteMany({ where: { summaryId: id } });
    const summary = await tx.teamSummary.update({
      where: { id },
      data: { items: { create: itemsCreate(input.items) } },
      select: { id: true, status: true, version: true, title: true },
    });
    await recordEdit(tx, {
      audit: {
        action: publishing ? "summary.publish" : "summary.update",
        actor,
        targetType: "summary",
        targetId: id,
        ipAddress,
        details: { title: summary.title, fromVersion: baseVersion, toVersion: summary.version },
      },
    });
    return { status: "saved" as const, summary };
  });
  if (!isVersionConflict(outcome)) return outcome;
  const current = await prisma.teamSummary.findUnique({ where: { id }, select: { version: true, updatedAt: true } });
  if (!current) throw new SummaryNotFoundError();
  return { status: "conflict", currentVersion: current.version, updatedAt: current.updatedAt.toISOString() };
}

export async function deleteSummary(id: number, actor: SummaryActor, ipAddress?: string | null) {
  await prisma.$transaction(async (tx) => {
    const summary = await tx.teamSummary.delete({ where: { id } });
    await recordAudit(
      {
        action: "summary.delete",
        actor,
        targetType: "summary",
        targetId: id,
        ipAddress,
        details: { title: summary.title },
      },
      tx,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

const summaryInclude = {
  author: { select: { id: true, name: true } },
  items: {
    orderBy: { position: "asc" },
    include: { goal: { select: { key: true } }, targets: { orderBy: { position: "asc" } } },
  },
} satisfies Prisma.TeamSummaryInclude;

export type StoredSummary = Prisma.TeamSummaryGetPayload<{ include: typeof summaryInclude }>;

export async function findSummary(id: number): Promise<StoredSummary | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return prisma.teamSummary.findUnique({ where: { id }, include: summaryInclude });
}

/** A summary id from a URL segment; anything but a positive integer is no summary. */
export function summaryIdParam(value: string | undefined): number {
  return parseId(value) ?? 0;
}

/**
 * One more view. A count only: who read it is not recorded. The author's own views do not count.
 * Raw SQL, because Prisma's @updatedAt would otherwise mark the summary as changed.
 */
export async function countView(summary: { id: number; authorId: number }, viewer: { id: number }) {
  if (viewer.id === summary.authorId) return;
  await prisma.$executeRaw`UPDATE "TeamSummary" SET "viewCount" = "viewCount" + 1 WHERE "id" = ${summary.id}`;
}

export interface SummaryItemView {
  kind: "goal" | "vision";
  number: number;
  /** The agency's current wording in the summary's language (or a fallback, marked). */
  agencyText: Localized<string> | null;
  teamText: string;
  teamTextHtml: string;
  targets: TargetInput[];
}

export interface SummaryView {
  id: number;
  title: string;
  lang: Lang;
  intro: string;
  introHtml: string;
  status: "draft" | "published";
  viewCount: number;
  authorId: number;
  authorName: string;
  updatedAt: string;
  publishedAt: string | null;
  items: SummaryItemView[];
}

export async function presentSummary(summary: StoredSummary): Promise<SummaryView> {
  const lang: Lang = isLang(summary.lang) ? summary.lang : "en";
  const points = await listAgencyPoints(lang);
  const goalPoint = new Map(points.filter((p) => p.kind === "goal").map((p) => [p.goalId, p]));
  const visionPoint = new Map(points.filter((p) => p.kind === "vision").map((p) => [p.visionIndex, p]));
  return {
    id: summary.id,
    title: summary.title,
    lang,
    intro: summary.intro,
    introHtml: summary.intro ? renderMarkdown(summary.intro) : "",
    status: summary.status === "published" ? "published" : "draft",
    viewCount: summary.viewCount,
    authorId: summary.author.id,
    authorName: summary.author.name,
    updatedAt: summary.updatedAt.toISOString(),
    publishedAt: summary.publishedAt?.toISOString() ?? null,
    items: summary.items.map((item) => {
      const point = item.goalId !== null ? goalPoint.get(item.goalId) : visionPoint.get(item.visionIndex ?? -1);
      return {
        kind: item.goalId !== null ? ("goal" as const) : ("vision" as const),
        number: point?.number ?? item.position + 1,
        // A vision point removed from the strategy since: the team's text stays, without wording.
        agencyText: point?.text ?? null,
        teamText: item.teamText,
        teamTextHtml: item.teamText ? renderMarkdown(item.teamText) : "",
        targets: item.targets.map((t) => ({ text: t.text, owner: t.owner, dueDate: t.dueDate ?? "" })),
      };
    }),
  };
}

/** The compose form filled from a saved summary. */
export function formStateOf(summary: StoredSummary, points: AgencyPoint[]): SummaryFormState {
  const items: Record<string, ItemInput> = {};
  for (const point of points) {
    const item = summary.items.find((i) =>
      point.goalId !== null ? i.goalId === point.goalId : i.visionIndex === point.visionIndex,
    );
    const targets = item?.targets.map((t) => ({ text: t.text, owner: t.owner, dueDate: t.dueDate ?? "" })) ?? [];
    items[point.key] = { selected: !!item, teamText: item?.teamText ?? "", targets: withBlankRows(targets) };
  }
  return { title: summary.title, lang: summary.lang, intro: summary.intro, items, version: summary.version };
}

export interface SummaryListItem {
  id: number;
  title: string;
  lang: string;
  status: string;
  viewCount: number;
  authorName: string;
  updatedAt: string;
}

function toListItem(s: {
  id: number;
  title: string;
  lang: string;
  status: string;
  viewCount: number;
  updatedAt: Date;
  author: { name: string };
}): SummaryListItem {
  return {
    id: s.id,
    title: s.title,
    lang: s.lang,
    status: s.status,
    viewCount: s.viewCount,
    authorName: s.author.name,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** "My summaries", "summaries for me" (published by my supervisor) and, for HR editors and admins, all published ones. */
export async function listSummariesFor(actor: SummaryActor) {
  const include = { author: { select: { name: true } } } as const;
  const me = await prisma.user.findUnique({ where: { id: actor.id }, select: { supervisorId: true } });
  const [mine, forMe, all] = await Promise.all([
    prisma.teamSummary.findMany({ where: { authorId: actor.id }, include, orderBy: { updatedAt: "desc" } }),
    me?.supervisorId
      ? prisma.teamSummary.findMany({
          where: { authorId: me.supervisorId, status: "published" },
          include,
          orderBy: { updatedAt: "desc" },
        })
      : Promise.resolve([]),
    actor.role === "admin" || actor.role === "hr_editor"
      ? prisma.teamSummary.findMany({
          where: { status: "published", NOT: { authorId: actor.id } },
          include,
          orderBy: { updatedAt: "desc" },
          take: 200,
        })
      : Promise.resolve(null),
  ]);
  return { mine: mine.map(toListItem), forMe: forMe.map(toListItem), all: all?.map(toListItem) ?? null };
}

// ---------------------------------------------------------------------------------------------
// Share links: 256 random bits from the operating system's CSPRNG, base64url (43 characters).
// Nothing in a token comes from the summary, the time or another token.

export function newShareToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type ShareLinkState = "active" | "revoked" | "expired";

export interface ShareLinkView {
  id: number;
  token: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  state: ShareLinkState;
}

function linkState(link: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt <= now) return "expired";
  return "active";
}

export async function listShareLinks(summaryId: number, now = new Date()): Promise<ShareLinkView[]> {
  const links = await prisma.summaryShareLink.findMany({ where: { summaryId }, orderBy: { id: "desc" } });
  return links.map((l) => ({
    id: l.id,
    token: l.token,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt?.toISOString() ?? null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
    state: linkState(l, now),
  }));
}

const HELSINKI = "Europe/Helsinki";

/** Today's calendar date in Helsinki, "2026-11-29". */
export function todayInHelsinki(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: HELSINKI,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The last second of a calendar day in Helsinki (EET +02:00 or EEST +03:00). */
export function endOfDayInHelsinki(isoDate: string): Date {
  for (const offset of ["+03:00", "+02:00"]) {
    const candidate = new Date(`${isoDate}T23:59:59${offset}`);
    if (todayInHelsinki(candidate) === isoDate && todayInHelsinki(new Date(candidate.getTime() + 1000)) !== isoDate)
      return candidate;
  }
  return new Date(`${isoDate}T23:59:59+02:00`);
}

export const shareFormSchema = z.object({
  expiresOn: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : ""),
    z.union([z.literal(""), isoDate.refine((v) => v >= todayInHelsinki(), message("summaries.errorPastDate"))]),
  ),
});

export class NotPublishedError extends Error {}

export async function createShareLink(
  summary: { id: number; status: string },
  actor: SummaryActor,
  expiresOn: string,
  ipAddress?: string | null,
) {
  // Only what the team may read can be shared: a draft stays the author's.
  if (summary.status !== "published") throw new NotPublishedError();
  const expiresAt = expiresOn ? endOfDayInHelsinki(expiresOn) : null;
  return prisma.$transaction(async (tx) => {
    const link = await tx.summaryShareLink.create({
      data: { summaryId: summary.id, token: newShareToken(), expiresAt },
    });
    // The token itself never goes into the audit trail: the trail is read more widely than links.
    await recordAudit(
      {
        action: "summary.share_create",
        actor,
        targetType: "summary",
        targetId: summary.id,
        ipAddress,
        details: { linkId: link.id, expiresAt: expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return link;
  });
}

/** Revokes one of the summary's links; false when the link is not the summary's. */
export async function revokeShareLink(
  summaryId: number,
  linkId: number,
  actor: SummaryActor,
  ipAddress?: string | null,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.summaryShareLink.updateMany({
      where: { id: linkId, summaryId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return (await tx.summaryShareLink.count({ where: { id: linkId, summaryId } })) > 0;
    await recordAudit(
      {
        action: "summary.share_revoke",
        actor,
        targetType: "summary",
        targetId: summaryId,
        ipAddress,
        details: { linkId },
      },
      tx,
    );
    return true;
  });
}

export type SharedSummary =
  | { status: "unknown" }
  | { status: "revoked"; revokedAt: Date }
  | { status: "expired"; expiresAt: Date }
  | { status: "ok"; summary: StoredSummary };

/** What a share link opens. Unknown or malformed tokens, and unpublished summaries, are "unknown". */
export async function openShareLink(token: string, now = new Date()): Promise<SharedSummary> {
  if (!TOKEN_PATTERN.test(token)) return { status: "unknown" };
  const link = await prisma.summaryShareLink.findUnique({ where: { token } });
  if (!link) return { status: "unknown" };
  const state = linkState(link, now);
  if (state === "revoked") return { status: "revoked", revokedAt: link.revokedAt! };
  if (state === "expired") return { status: "expired", expiresAt: link.expiresAt! };
  const summary = await findSummary(link.summaryId);
  if (!summary || summary.status !== "published") return { status: "unknown" };
  return { status: "ok", summary };
}

/** True when the token is a working share link to this summary. */
export async function shareLinkOpens(token: string, summaryId: number): Promise<boolean> {
  const shared = await openShareLink(token);
  return shared.status === "ok" && shared.summary.id === summaryId;
}
