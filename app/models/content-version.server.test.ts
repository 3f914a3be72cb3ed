// The content version must change on every write to anything a signed-out page shows, whoever
// writes: the triggers of the content_version migration. A Prisma table rebuild drops a table's
// triggers, and a new table must be sorted into one list or the other, so both are checked here.
import { describe, expect, it } from "vitest";
import { prisma, sqlDialect } from "~/utils/db.server";
import { todayInHelsinki } from "~/utils/helsinki-time";
import { currentContentVersion } from "./content-version.server";

// Tables whose rows a signed-out page shows: every INSERT, UPDATE and DELETE bumps the version.
const SHOWN = [
  "OrganisationProfile",
  "OrganisationText",
  "Value",
  "ValueText",
  "Goal",
  "GoalText",
  "Unit",
  "UnitText",
  "Revision",
  "OnboardingStep",
  "OnboardingStepText",
  "User", // only name, home unit and disabling (an author's name under a text)
  "PageOwnership", // "Owner: … · Checked …" and the overdue notice
];
// Tables no signed-out page shows (sign-in, personal progress, private summaries, the search index,
// which is derived from the tables above).
const NOT_SHOWN = [
  "AccessibilityFeedback",
  "Session",
  "UnitEditor",
  "LoginFailure",
  "AuditEvent",
  "OnboardingProgress",
  "Acknowledgement",
  "TeamSummary",
  "TeamSummaryItem",
  "TeamTarget",
  "SummaryShareLink",
  "ContentVersion",
  "UserIdentity",
  "CalendarFeed",
  "PageReview",
  "CorrectionSuggestion",
  "OutgoingMail",
  "_prisma_migrations",
  "search_index", // PostgreSQL's search index, derived like search_fts
  "search_match",
  "search_term",
  "search_posting",
  "search_text",
];

const onPostgres = sqlDialect(prisma) === "postgresql";

const version = async () => (await prisma.contentVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

describe("content version triggers", () => {
  it("every table is either covered by the triggers or known not to be shown signed out", async () => {
    const tables = onPostgres
      ? await prisma.$queryRaw<{ name: string }[]>`
          SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`
      : await prisma.$queryRaw<{ name: string }[]>`
          SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`;
    const unsorted = tables.map((t) => t.name).filter((name) => !SHOWN.includes(name) && !NOT_SHOWN.includes(name));
    expect(unsorted, "new tables: add them to SHOWN (with triggers) or NOT_SHOWN").toEqual([]);
  });

  it("each shown table has its insert, update and delete trigger", async () => {
    const triggers = onPostgres
      ? await prisma.$queryRaw<{ name: string }[]>`
          SELECT tgname AS name FROM pg_trigger WHERE tgname LIKE 'content_version_%' AND tgenabled <> 'D'`
      : await prisma.$queryRaw<{ name: string }[]>`
          SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'content_version_%'`;
    const names = new Set(triggers.map((t) => t.name));
    const missing = SHOWN.flatMap((table) => ["ai", "au", "ad"].map((op) => `content_version_${table}_${op}`)).filter(
      (name) => !names.has(name),
    );
    expect(missing).toEqual([]);
  });

  it("a content write bumps the version in the same transaction; a password change does not", async () => {
    const start = await version();
    const text = await prisma.unitText.findFirstOrThrow();
    await prisma.unitText.update({ where: { id: text.id }, data: { summary: `${text.summary} ` } });
    expect(await version()).toBe(start + 1);
    await prisma.unitText.update({ where: { id: text.id }, data: { summary: text.summary } });
    expect(await version()).toBe(start + 2);

    const user = await prisma.user.findFirstOrThrow();
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: user.passwordHash } });
    expect(await version()).toBe(start + 2);
    await prisma.user.update({ where: { id: user.id }, data: { name: user.name } });
    expect(await version()).toBe(start + 3);
  });
});

describe("currentContentVersion", () => {
  it("is the stored version and the Helsinki date, which turns at midnight Helsinki time", async () => {
    // 23:59 in Helsinki (UTC+2 in December) is 21:59 UTC; a minute later it is the next day there.
    expect(todayInHelsinki(new Date("2026-12-03T21:59:00Z"))).toBe("2026-12-03");
    expect(todayInHelsinki(new Date("2026-12-03T22:00:00Z"))).toBe("2026-12-04");
    // Summer time (UTC+3).
    expect(todayInHelsinki(new Date("2026-06-30T20:59:00Z"))).toBe("2026-06-30");
    expect(todayInHelsinki(new Date("2026-06-30T21:00:00Z"))).toBe("2026-07-01");

    const now = new Date("2026-12-03T22:00:00Z");
    expect(await currentContentVersion(now)).toBe(`${await version()}@2026-12-04`);
  });
});
