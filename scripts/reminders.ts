// npm run reminders [-- --now 2027-03-01T06:00:00Z]
// Queues today's review reminders and the weekly HR digest, then delivers the mail queue. Safe
// to run from cron on every server process at once: each mail has a unique key in the database,
// so it is queued once, and each queued mail is claimed by one sender at a time.
// --now moves the clock (for trying the reminders out; the date is read on the Helsinki calendar).
import { parseArgs } from "node:util";
import { runReminders } from "~/models/reminders.server";
import { prisma } from "~/utils/db.server";

const { values } = parseArgs({ options: { now: { type: "string" } } });
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error("reminders: --now must be an ISO date and time");
  process.exit(2);
}
try {
  const result = await runReminders({ now });
  console.log(`reminders: queued ${result.queued}, sent ${result.sent}, failed ${result.failed}`);
} finally {
  await prisma.$disconnect();
}
