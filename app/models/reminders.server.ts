// Review reminders: queued by `npm run reminders` (cron, on every process if you like) and by the
// optional in-process timer (REMINDERS=on). Each run looks at today's Helsinki date and queues
// what is due today; the dedupe keys make a second run, or a run on another process at the same
// moment, queue nothing new.
//   - the owner, once, from 14 days before the due date (the first run in that window);
//   - the owner, on the due date, or, when no run happened that day (server down, cron broken), on
//     the first run up to LATE_REMINDER_DAYS after it, worded as overdue; older misses are left to
//     the HR digest, so that switching reminders on does not mail every owner about every old page;
//   - every HR editor, once per ISO week, a digest of overdue pages.
import { formatDate, translator, type Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { deliverPending, mailText, publicOrigin, queueMail, recipientLang, type MailTransport } from "./mail.server";
import { carePath, listPages, type PageListing } from "./page-ownership.server";
import { LATE_REMINDER_DAYS, REMINDER_DAYS_BEFORE } from "./review-dates";
import { daysBetween, isoWeek } from "~/utils/calendar-date";
import { todayInHelsinki } from "~/utils/helsinki-time";

export async function queueReminders(now: Date = new Date()): Promise<{ queued: number }> {
  const today = todayInHelsinki(now);
  const pagesIn = new Map<Lang, PageListing[]>();
  const pages = async (lang: Lang) => {
    if (!pagesIn.has(lang)) pagesIn.set(lang, await listPages(lang, now));
    return pagesIn.get(lang)!;
  };
  const all = await pages("en");
  const ownerIds = [...new Set(all.map((p) => p.ownerId).filter((id): id is number => id !== null))];
  const owners = await prisma.user.findMany({ where: { id: { in: ownerIds }, disabledAt: null } });
  let queued = 0;

  for (const page of all) {
    const owner = owners.find((o) => o.id === page.ownerId);
    if (!owner || !page.dueOn) continue;
    const daysLeft = daysBetween(today, page.dueOn);
    const kind =
      daysLeft <= 0 && daysLeft >= -LATE_REMINDER_DAYS
        ? "review_due"
        : daysLeft > 0 && daysLeft <= REMINDER_DAYS_BEFORE
          ? "review_soon"
          : null;
    if (!kind) continue;
    const lang = recipientLang(owner);
    const t = translator(lang);
    const own = (await pages(lang)).find((p) => p.key === page.key)!;
    const date = formatDate(lang, page.dueOn);
    const prefix = kind === "review_soon" ? "mail.reviewSoon" : daysLeft === 0 ? "mail.reviewDue" : "mail.reviewLate";
    const added = await queueMail({
      kind,
      dedupeKey: `${kind}:${page.page.type}:${page.page.id}:${page.dueOn}:${owner.id}`,
      recipient: owner,
      subject: t(`${prefix}.subject`, { date, page: own.title }),
      body: mailText(
        lang,
        owner.name,
        [t(`${prefix}.body`, { date, page: own.title })],
        publicOrigin() + carePath(lang, page.page, page.unitSlug),
      ),
    });
    if (added) queued += 1;
  }

  const overdueKeys = all.filter((p) => p.state === "overdue").map((p) => p.key);
  if (overdueKeys.length) {
    const hr = await prisma.user.findMany({ where: { role: "hr_editor", disabledAt: null }, orderBy: { id: "asc" } });
    for (const person of hr) {
      const lang = recipientLang(person);
      const t = translator(lang);
      const overdue = (await pages(lang)).filter((p) => overdueKeys.includes(p.key));
      const lines = overdue.map((p) =>
        t("mail.digest.line", {
          page: p.title,
          date: formatDate(lang, p.dueOn!),
          owner: p.ownerName ?? t("care.noOwner"),
        }),
      );
      const added = await queueMail({
        kind: "overdue_digest",
        dedupeKey: `overdue_digest:${isoWeek(today)}:${person.id}`,
        recipient: person,
        subject: t("mail.digest.subject", { count: overdue.length }),
        body: mailText(
          lang,
          person.name,
          [t("mail.digest.body"), lines.join("\n")],
          `${publicOrigin()}/${lang}/editor?state=overdue`,
        ),
      });
      if (added) queued += 1;
    }
  }
  return { queued };
}

/** One run: queue what today asks for, then deliver everything due from the queue. */
export async function runReminders(options: { now?: Date; transport?: MailTransport | null } = {}) {
  const { queued } = await queueReminders(options.now);
  const delivery = await deliverPending({ now: options.now, transport: options.transport });
  return { queued, ...delivery };
}

declare global {
  var __reminderTimer: NodeJS.Timeout | undefined;
}

/**
 * REMINDERS=on: the server process runs the reminders itself, hourly (each run is idempotent, so
 * an hourly run sends each day's mail once, soon after midnight in Helsinki) and retries the
 * queue every minute.
 */
export function startReminderTimer() {
  if (process.env.REMINDERS !== "on" || globalThis.__reminderTimer) return;
  let tick = 0;
  const run = () => {
    const work = tick++ % 60 === 0 ? runReminders() : deliverPending();
    work.catch((error) => console.error(JSON.stringify({ msg: "reminders failed", error: String(error) })));
  };
  globalThis.__reminderTimer = setInterval(run, 60_000);
  globalThis.__reminderTimer.unref();
  setImmediate(run);
}
