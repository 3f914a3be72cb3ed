// Outgoing mail: a queue in the database, delivered outside any request. Queueing is idempotent
// (each mail has a unique dedupe key, so two runs or two processes queue it once); delivery is
// at least once (a claimed row that was not marked sent is tried again later, never dropped) with
// a stable Message-ID, so a receiver can recognise a retry after an uncertain send. Without
// SMTP_URL (evaluation) mail is "delivered" to the outbox that admins read at /:lang/admin/outbox.
// See docs/decisions/0020-content-ownership-reviews-and-mail.md.
import crypto from "node:crypto";
import nodemailer from "nodemailer";
import { defaultLang, isLang, translator, type Lang } from "~/i18n";
import { prisma, sqlDialect } from "~/utils/db.server";
import { isUniqueViolation, type Db } from "./revision.server";

export interface Recipient {
  id: number | null;
  email: string;
  name: string;
  preferredLanguage?: string | null;
}

export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

/** Mail is written in the recipient's last chosen language (the portal's default before any choice). */
export function recipientLang(recipient: Pick<Recipient, "preferredLanguage">): Lang {
  return isLang(recipient.preferredLanguage) ? recipient.preferredLanguage : defaultLang;
}

/** The origin links in mail use; required when mail goes out through SMTP. */
export function publicOrigin(): string {
  const origin = process.env.PUBLIC_ORIGIN?.replace(/\/+$/, "");
  if (origin) return origin;
  if (process.env.SMTP_URL) throw new Error("PUBLIC_ORIGIN must be set when SMTP_URL is set (links in mail)");
  return `http://localhost:${process.env.PORT || 3000}`;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || `Migri onboarding portal <no-reply@${new URL(publicOrigin()).hostname}>`;
}

/** A Message-ID derived from the dedupe key: the same mail always carries the same id. */
export function messageIdFor(dedupeKey: string): string {
  const hash = crypto.createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32);
  return `<${hash}@${new URL(publicOrigin()).hostname}>`;
}

/** Greeting, body, link and footer in the recipient's language. */
export function mailText(lang: Lang, name: string, paragraphs: string[], url: string): string {
  const t = translator(lang);
  return [
    t("mail.greeting", { name }),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    url,
    "",
    "-- ",
    t("mail.footer"),
    "",
  ].join("\n");
}

export interface NewMail {
  kind: string;
  dedupeKey: string;
  recipient: Recipient;
  subject: string;
  body: string;
}

/**
 * Queues a mail unless one with the same dedupe key exists; true when this call queued it. Inside
 * a transaction, pass it as db: the mail is then queued exactly when the change it reports commits.
 */
export async function queueMail(mail: NewMail, db: Db = prisma): Promise<boolean> {
  const data = {
    kind: mail.kind,
    dedupeKey: mail.dedupeKey,
    recipientId: mail.recipient.id,
    toAddress: mail.recipient.email,
    lang: recipientLang(mail.recipient),
    subject: mail.subject,
    body: mail.body,
    messageId: messageIdFor(mail.dedupeKey),
  };
  // PostgreSQL aborts the whole transaction on a unique violation, so a duplicate must not be
  // attempted there: INSERT ... ON CONFLICT DO NOTHING (which SQLite's client does not offer).
  if (sqlDialect(db) === "postgresql") {
    // The PostgreSQL client's createMany takes skipDuplicates; the app is typed against SQLite's.
    const mails = db.outgoingMail as unknown as {
      createMany(args: { data: (typeof data)[]; skipDuplicates: true }): Promise<{ count: number }>;
    };
    return (await mails.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }
  try {
    await db.outgoingMail.create({ data });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

// ---- delivery ----------------------------------------------------------------------------------

/** How long a sender may hold a mail before another sender may try it (a crashed send). */
const CLAIM_MS = 5 * 60_000;
/** Waits before attempt 2, 3, ...: 1 min, 5 min, 15 min, 1 h, then every 6 h, never giving up. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 60 * 60_000];

export function retryDelay(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts - 1, 0), RETRY_DELAYS_MS.length - 1)];
}

let smtpTransport: MailTransport | null = null;

/** The configured SMTP transport, or null: evaluation mode's outbox. */
export function configuredTransport(): MailTransport | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  // A slow or absent server only delays this background sender, never a page.
  const options = { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
  smtpTransport ??= nodemailer.createTransport(options as Parameters<typeof nodemailer.createTransport>[0]);
  return smtpTransport;
}

function logMail(fields: Record<string, unknown>) {
  // One line per mail; it names the mail, never its body (links may one day carry tokens).
  console.log(JSON.stringify({ time: new Date().toISOString(), msg: "mail", ...fields }));
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** Delivers due mail from the queue. Safe to run on several processes at once. */
export async function deliverPending(
  options: { now?: Date; transport?: MailTransport | null; limit?: number } = {},
): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const transport = options.transport === undefined ? configuredTransport() : options.transport;
  const due = await prisma.outgoingMail.findMany({
    where: {
      sentAt: null,
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    },
    orderBy: { id: "asc" },
    take: options.limit ?? 100,
  });
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const mail of due) {
    // Claim it: only one sender wins the row.
    const claim = await prisma.outgoingMail.updateMany({
      where: { id: mail.id, sentAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    if (claim.count !== 1) continue;
    const attempts = mail.attempts + 1;
    try {
      if (transport) {
        await transport.sendMail({
          from: mailFrom(),
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.body,
          messageId: mail.messageId,
        });
      }
      await prisma.outgoingMail.update({
        where: { id: mail.id },
        data: { sentAt: new Date(), deliveredVia: transport ? "smtp" : "outbox", claimedUntil: null, lastError: null },
      });
      logMail({ id: mail.id, kind: mail.kind, to: mail.toAddress, via: transport ? "smtp" : "outbox", attempts });
      result.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 300) : "send failed";
      await prisma.outgoingMail.update({
        where: { id: mail.id },
        data: { claimedUntil: null, lastError: reason, nextAttemptAt: new Date(now.getTime() + retryDelay(attempts)) },
      });
      logMail({ id: mail.id, kind: mail.kind, to: mail.toAddress, failed: true, attempts, reason });
      result.failed += 1;
    }
  }
  return result;
}

let delivering: Promise<unknown> | null = null;

/** Starts a delivery in the background after a request queued mail; the request never waits. */
export function deliverSoon() {
  if (delivering) return;
  delivering = new Promise((resolve) => setImmediate(resolve))
    .then(() => deliverPending())
    .catch((error) => logMail({ failed: true, reason: error instanceof Error ? error.message : String(error) }))
    .finally(() => {
      delivering = null;
    });
}

/** Resolves when the background delivery started by deliverSoon (if any) has finished. */
export async function backgroundDelivery(): Promise<void> {
  await delivering;
}

/** For the admins' outbox page: the newest mail first. */
export async function listOutbox(take = 100) {
  const mail = await prisma.outgoingMail.findMany({ orderBy: { id: "desc" }, take });
  return mail.map((m) => ({
    id: m.id,
    kind: m.kind,
    to: m.toAddress,
    lang: m.lang,
    subject: m.subject,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    deliveredVia: m.deliveredVia,
    attempts: m.attempts,
  }));
}

/** The language a person chose last on the portal: their mail is written in it. */
export async function rememberPreferredLanguage(userId: number, lang: Lang) {
  await prisma.user.update({ where: { id: userId }, data: { preferredLanguage: lang } });
}
