// What a signed-out page shows changes only when content is saved, or when the day changes in
// Helsinki (due dates, "overdue"). The content version names that state in one cheap query: the
// ContentVersion row, which database triggers bump on every write to a content table, whichever
// process or script writes (docs/decisions/0017-fast-read-path.md).
import { prisma } from "~/utils/db.server";

const helsinkiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Helsinki, e.g. "2026-12-03": it changes at midnight Helsinki time. */
export function helsinkiDate(now: Date = new Date()): string {
  return helsinkiDay.format(now);
}

/** The content version and today's Helsinki date, e.g. "42@2026-12-03". One query. */
export async function currentContentVersion(now: Date = new Date()): Promise<string> {
  const rows = await prisma.$queryRaw<{ version: number | bigint }[]>`
    SELECT "version" FROM "ContentVersion" WHERE "id" = 1`;
  // A missing row (a database older than the migration) is version 0, never a crash.
  return `${rows[0] ? String(rows[0].version) : "0"}@${helsinkiDate(now)}`;
}
