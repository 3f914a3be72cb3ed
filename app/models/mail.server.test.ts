// The mail queue's dedupe key on both databases: a mail is queued once, and trying to queue it
// again inside a transaction leaves that transaction usable (PostgreSQL aborts a transaction at
// its first error, so the duplicate must not be attempted as a failing insert there).
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { queueMail } from "./mail.server";

describe("queueMail", () => {
  it("queues a mail once; a second try, also inside a transaction that goes on, queues nothing", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "manager@migri.example" } });
    const mail = {
      kind: "review_due",
      dedupeKey: `queue-once:${Date.now()}`,
      recipient: { id: user.id, email: user.email, name: user.name },
      subject: "Tarkista sivu",
      body: "Hei",
    };
    expect(await queueMail(mail)).toBe(true);
    expect(await queueMail(mail)).toBe(false);
    const inTransaction = await prisma.$transaction(async (tx) => {
      const queued = await queueMail(mail, tx);
      // The transaction still works after the duplicate.
      const audit = await tx.auditEvent.create({ data: { action: "test.after_duplicate", details: "{}" } });
      return { queued, auditId: audit.id };
    });
    expect(inTransaction.queued).toBe(false);
    expect(await prisma.auditEvent.findUnique({ where: { id: inTransaction.auditId } })).not.toBeNull();
    expect(await prisma.outgoingMail.count({ where: { dedupeKey: mail.dedupeKey } })).toBe(1);
  });
});
