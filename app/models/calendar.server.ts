// The onboarding plan as a calendar: the steps as all-day events on their due dates, for a
// download (signed in) and for a personal subscription URL with a revocable secret token. Only
// a SHA-256 hash of the token is stored, so a copy of the database does not reveal live URLs
// (docs/decisions/0014-personal-front-page-and-calendar.md).
import crypto from "node:crypto";
import { translator, type Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { buildCalendar, type AllDayEvent } from "./icalendar";
import { getPlan } from "./onboarding.server";

/** Stable per person and step, so a re-import or a refresh updates instead of duplicating. */
export function eventUid(userId: number, stepId: number): string {
  return `onboarding-${userId}-step-${stepId}@migri-onboarding-portal`;
}

/** The person's own plan as an iCalendar file, in the page language. */
export async function planCalendar(userId: number, lang: Lang, origin: string, now = new Date()): Promise<string> {
  const t = translator(lang);
  const plan = await getPlan(userId, lang);
  const events: AllDayEvent[] = (plan?.items ?? [])
    .filter((item) => item.dueDate !== null && !item.archived)
    .map((item) => {
      const title = item.title?.value ?? t("onboarding.untitled", { id: item.stepId });
      return {
        uid: eventUid(userId, item.stepId),
        date: item.dueDate!,
        summary: item.status === "completed" ? t("calendar.completedSummary", { title }) : title,
        description: item.description?.value,
        url: `${origin}/${lang}/onboarding#step-${item.stepId}`,
      };
    });
  return buildCalendar({ prodId: "-//Migri//Onboarding portal//EN", name: t("calendar.name"), now }, events);
}

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new subscription URL's secret (256 bits, base64url). Creating one revokes the person's earlier
 * one: there is at most one live URL per person. The token is returned once and never stored.
 */
export async function createCalendarFeed(userId: number): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await prisma.$transaction([
    prisma.calendarFeed.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),
    prisma.calendarFeed.create({ data: { userId, tokenHash: hashToken(token) } }),
  ]);
  return token;
}

export async function revokeCalendarFeeds(userId: number): Promise<number> {
  const { count } = await prisma.calendarFeed.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** The person's live subscription (without its secret), or null. */
export async function getActiveCalendarFeed(userId: number) {
  return prisma.calendarFeed.findFirst({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, lastUsedAt: true },
  });
}

/** Whose plan a subscription token opens; null for an unknown, malformed or revoked token. */
export async function calendarFeedOwner(token: string): Promise<number | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!feed || feed.revokedAt) return null;
  const owner = await prisma.user.findUnique({ where: { id: feed.userId }, select: { disabledAt: true } });
  if (!owner || owner.disabledAt) return null;
  await prisma.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: new Date() } });
  return feed.userId;
}

/** The origin used in the calendar's links: PUBLIC_ORIGIN, else the request's. */
export function publicOrigin(request: Request): string {
  return process.env.PUBLIC_ORIGIN || new URL(request.url).origin;
}

/** The iCalendar response: a file a calendar imports, never stored by a shared cache. */
export function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
