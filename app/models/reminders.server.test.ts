// Review reminders, the HR digest and suggestion mails, delivered to a real SMTP server on a free
// loopback port: the right days on the Helsinki calendar (time travel through the clock
// argument), each mail queued once even from two processes at once, a retry after the server
// refused, evaluation mode's outbox, and each mail in its recipient's language.
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createSuggestion, resolveSuggestion } from "./corrections.server";
import { backgroundDelivery, deliverPending } from "./mail.server";
import { queueReminders, runReminders } from "./reminders.server";

interface Received {
  to: string[];
  headers: Record<string, string>;
  text: string;
}
const received: Received[] = [];
/** The server refuses, once, the first mail whose text contains this. */
let refuseOnce: string | null = null;
let smtp: SMTPServer;

/** Decodes what nodemailer encodes: RFC 2047 words in headers and quoted-printable or base64 bodies. */
function decodeWords(value: string) {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}
function parseMail(raw: string, to: string[]): Received {
  const [head, ...rest] = raw.split(/\r\n\r\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  let body = rest.join("\r\n\r\n");
  const encoding = headers["content-transfer-encoding"]?.toLowerCase();
  if (encoding === "quoted-printable") {
    body = Buffer.from(
      body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  } else if (encoding === "base64") {
    body = Buffer.from(body, "base64").toString("utf8");
  }
  return { to, headers, text: body.replace(/\r\n/g, "\n") };
}

const mailTo = (email: string) => received.filter((m) => m.to.includes(email));

let ownerId: number;
let pageId: number;
const OWNER = "reminder-owner@migri.example";
const HR = "reminder-hr@migri.example";
const READER = "reminder-reader@migri.example";
const SLUG = "communications-unit";

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuseOnce && Buffer.concat(chunks).toString("utf8").includes(refuseOnce)) {
          refuseOnce = null;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(error);
        }
        received.push(
          parseMail(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.PUBLIC_ORIGIN = "https://portal.example";
  process.env.MAIL_FROM = "Portal <portal@portal.example>";

  const user = (email: string, name: string, role: string, preferredLanguage: string) =>
    prisma.user.upsert({
      where: { email },
      update: {},
      create: { email, name, role, passwordHash: "x", preferredLanguage },
    });
  ownerId = (await user(OWNER, "Omistaja Testi", "employee", "fi")).id;
  await user(HR, "Hanna HR", "hr_editor", "sv");
  await user(READER, "Reader Test", "employee", "en");
  pageId = (await prisma.unit.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  await prisma.pageOwnership.upsert({
    where: { pageType_pageId: { pageType: "unit", pageId } },
    update: { ownerId, lastReviewedOn: "2030-03-10", reviewIntervalMonths: 12 },
    create: { pageType: "unit", pageId, ownerId, lastReviewedOn: "2030-03-10", reviewIntervalMonths: 12 },
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  delete process.env.SMTP_URL;
});

describe("owner reminders on the Helsinki calendar", () => {
  it("nothing 15 days before; the first reminder 14 days before, even just after midnight in Helsinki", async () => {
    // 21:59 UTC on 23 February is 23:59 in Helsinki: still 15 days before 10 March.
    await runReminders({ now: new Date("2031-02-23T21:59:00Z") });
    expect(mailTo(OWNER)).toHaveLength(0);
    // 22:30 UTC is 00:30 on 24 February in Helsinki: 14 days before.
    await runReminders({ now: new Date("2031-02-23T22:30:00Z") });
    const [soon] = mailTo(OWNER);
    expect(soon.headers.subject).toBe("Tarkistettava viimeistään 10.3.2031: Communications Unit");
    expect(soon.text).toContain("Hei Omistaja Testi,");
    expect(soon.text).toContain(`https://portal.example/fi/editor/pages/unit-${SLUG}`);
    const row = await prisma.outgoingMail.findFirstOrThrow({ where: { toAddress: OWNER, kind: "review_soon" } });
    expect(soon.headers["message-id"]).toBe(row.messageId);
  });

  it("a second run on the same day queues nothing more", async () => {
    const { queued } = await queueReminders(new Date("2031-02-24T08:00:00Z"));
    await deliverPending({ now: new Date("2031-02-24T08:00:00Z") });
    expect(mailTo(OWNER)).toHaveLength(1);
    expect(queued).toBe(0);
  });

  it("the due-date reminder on the due date", async () => {
    await runReminders({ now: new Date("2031-03-09T12:00:00Z") });
    expect(mailTo(OWNER)).toHaveLength(1);
    await runReminders({ now: new Date("2031-03-10T05:00:00Z") });
    const due = mailTo(OWNER)[1];
    expect(due.headers.subject).toBe("Tarkistettava tänään: Communications Unit");
  });

  it("two processes running `npm run reminders` at the same moment queue and send each mail once", async () => {
    await prisma.pageOwnership.update({
      where: { pageType_pageId: { pageType: "unit", pageId } },
      data: { lastReviewedOn: "2031-04-20" },
    });
    const root = path.resolve(__dirname, "../..");
    const run = () =>
      promisify(execFile)(
        path.join(root, "node_modules/.bin/tsx"),
        ["scripts/reminders.ts", "--now", "2032-04-06T09:00:00Z"],
        {
          cwd: root,
          env: { ...process.env },
        },
      );
    const before = mailTo(OWNER).length;
    await Promise.all([run(), run()]);
    const rows = await prisma.outgoingMail.findMany({
      where: { toAddress: OWNER, dedupeKey: { contains: "2032-04-20" } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].sentAt).not.toBeNull();
    expect(mailTo(OWNER).length - before).toBe(1);
  }, 120_000);

  it("a due-date reminder no run sent on the day goes out late, once, worded as overdue", async () => {
    await prisma.pageOwnership.update({
      where: { pageType_pageId: { pageType: "unit", pageId } },
      data: { lastReviewedOn: "2032-05-01" },
    });
    const before = mailTo(OWNER).length;
    // No run between 14 days before and the due date (2033-05-01); the first run is three days late.
    await runReminders({ now: new Date("2033-05-04T07:00:00Z") });
    const late = mailTo(OWNER).slice(before);
    expect(late.map((m) => m.headers.subject)).toEqual([
      "Tarkistus myöhässä (määräpäivä 1.5.2033): Communications Unit",
    ]);
    await runReminders({ now: new Date("2033-05-05T07:00:00Z") });
    expect(mailTo(OWNER).length - before).toBe(1);
  });

  it("a due date missed by more than the catch-up window is left to the HR digest", async () => {
    await prisma.pageOwnership.update({
      where: { pageType_pageId: { pageType: "unit", pageId } },
      data: { lastReviewedOn: "2033-06-01" },
    });
    const before = mailTo(OWNER).length;
    await queueReminders(new Date("2034-06-20T07:00:00Z"));
    await deliverPending({ now: new Date("2034-06-20T07:00:00Z") });
    expect(mailTo(OWNER).length - before).toBe(0);
    expect(
      await prisma.outgoingMail.count({ where: { toAddress: OWNER, dedupeKey: { contains: "2034-06-01" } } }),
    ).toBe(0);
  });
});

describe("delivery", () => {
  it("retries later when the server refused, with the same Message-ID, and never drops the mail", async () => {
    const author = await prisma.user.findUniqueOrThrow({ where: { email: READER } });
    refuseOnce = "The phone number has changed.";
    const suggestion = await createSuggestion({
      author: { id: author.id, role: "employee", editableUnitIds: [], email: READER, name: "Reader Test" },
      page: { type: "unit", id: pageId },
      lang: "en",
      whatIsWrong: "The phone number has changed.",
      suggestedText: null,
      ipAddress: null,
    });
    const now = new Date();
    // The background sender tries at once (the request that queued it does not wait for it).
    await backgroundDelivery();
    await deliverPending({ now });
    const row = await prisma.outgoingMail.findUniqueOrThrow({
      where: { dedupeKey: `suggestion_received:${suggestion.id}:${ownerId}` },
    });
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toContain("Try again later");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(mailTo(OWNER).filter((m) => m.headers["message-id"] === row.messageId)).toHaveLength(0);

    await deliverPending({ now: new Date(now.getTime() + 2 * 60_000) });
    const delivered = mailTo(OWNER).filter((m) => m.headers["message-id"] === row.messageId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].headers.subject).toBe("Korjausehdotus: Communications Unit");
    expect(delivered[0].text).toContain("The phone number has changed.");
    expect((await prisma.outgoingMail.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(2);
  });

  it("tells the suggester the outcome, in their language", async () => {
    const suggestion = await prisma.correctionSuggestion.findFirstOrThrow({
      where: { author: { email: READER } },
      orderBy: { id: "desc" },
    });
    const hr = await prisma.user.findUniqueOrThrow({ where: { email: HR } });
    const outcome = await resolveSuggestion({
      actor: { id: hr.id, role: "hr_editor", editableUnitIds: [], email: HR, name: "Hanna HR" },
      suggestionId: suggestion.id,
      outcome: "declined",
      reply: "The number on the page is correct.",
      ipAddress: null,
    });
    expect(outcome.status).toBe("resolved");
    await deliverPending({ now: new Date(Date.now() + 10 * 60_000) });
    const [mail] = mailTo(READER);
    expect(mail.headers.subject).toBe("Your correction suggestion: Communications Unit");
    expect(mail.text).toContain("The number on the page is correct.");
    expect(mail.text).toContain(`https://portal.example/en/units/${SLUG}`);
  });

  it("in evaluation mode (no SMTP server) mail goes to the outbox with one log line that holds no body", async () => {
    const author = await prisma.user.findUniqueOrThrow({ where: { email: READER } });
    await prisma.outgoingMail.create({
      data: {
        kind: "test",
        dedupeKey: "outbox-mode-test",
        recipientId: author.id,
        toAddress: READER,
        lang: "en",
        subject: "Outbox subject",
        body: "secret-looking-body-token",
        messageId: "<outbox-mode-test@portal.example>",
      },
    });
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      await deliverPending({ transport: null, now: new Date(Date.now() + 10 * 60_000) });
    } finally {
      console.log = log;
    }
    const row = await prisma.outgoingMail.findUniqueOrThrow({ where: { dedupeKey: "outbox-mode-test" } });
    expect(row.deliveredVia).toBe("outbox");
    expect(row.sentAt).not.toBeNull();
    const line = lines.find((l) => l.includes(`"id":${row.id}`));
    expect(line).toBeDefined();
    expect(line).not.toContain("secret-looking-body-token");
    expect(received.some((m) => m.headers.subject === "Outbox subject")).toBe(false);
  });
});

describe("the weekly HR digest", () => {
  it("lists overdue pages in the HR editor's language, once per week", async () => {
    await prisma.pageOwnership.update({
      where: { pageType_pageId: { pageType: "unit", pageId } },
      data: { lastReviewedOn: "2032-01-05" },
    });
    const before = mailTo(HR).length;
    // Monday 2033-01-10: the page (due 2033-01-05) is overdue.
    await runReminders({ now: new Date("2033-01-10T07:00:00Z") });
    await runReminders({ now: new Date("2033-01-13T07:00:00Z") });
    const digests = mailTo(HR).slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0].headers.subject).toMatch(/^Sidor med försenad granskning: \d+$/);
    expect(digests[0].text).toContain("Hej Hanna HR,");
    expect(digests[0].text).toContain("- Communications Unit: skulle granskas 5.1.2033, ansvarig: Omistaja Testi");
    await runReminders({ now: new Date("2033-01-17T07:00:00Z") });
    expect(mailTo(HR).length - before).toBe(2);
  });
});
