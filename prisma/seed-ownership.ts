// Owners and review dates for the demo: every page gets a review record (checked on the day of
// the first seeding, so nothing claims an earlier check). Outside production, a few pages get
// demo owners and earlier check dates, relative to today, so that the editor's desk shows
// reviews that are overdue and due soon. Idempotent: a page that has a record keeps it.
import type { PrismaClient } from "~/generated/prisma/client";
import { addDays, addMonths, helsinkiDate } from "~/models/review-dates";

/** Demo owners and how long ago (months, then days) the page was last checked. */
const DEMO: { page: string; owner: string | null; monthsAgo: number; daysAgo: number }[] = [
  // Overdue by about three weeks.
  { page: "strategy", owner: "hr@migri.example", monthsAgo: 12, daysAgo: 20 },
  // Due in about ten days (the owner's first reminder has gone out).
  { page: "values", owner: "hr@migri.example", monthsAgo: 11, daysAgo: 20 },
  // Overdue, and nobody owns it: HR's queue.
  { page: "goals", owner: null, monthsAgo: 13, daysAgo: 0 },
  // The demo unit editor's own unit: due in about three weeks.
  { page: "unit:digital-services-unit", owner: "editor@migri.example", monthsAgo: 11, daysAgo: 10 },
  // Owned by a demo employee (who may edit it because they own it), overdue.
  { page: "unit:customer-relations-unit", owner: "manager2@migri.example", monthsAgo: 14, daysAgo: 0 },
];

export async function seedPageOwnership(prisma: PrismaClient, withDemoOwners: boolean, now = new Date()) {
  const today = helsinkiDate(now);
  let created = 0;
  const units = await prisma.unit.findMany({ select: { id: true, slug: true } });
  const pages = [
    ...["strategy", "values", "goals"].map((doc) => ({ key: doc, type: doc, id: 0 })),
    ...units.map((u) => ({ key: `unit:${u.slug}`, type: "unit", id: u.id })),
  ];
  for (const page of pages) {
    const where = { pageType_pageId: { pageType: page.type, pageId: page.id } };
    if (await prisma.pageOwnership.findUnique({ where })) continue;
    const demo = withDemoOwners ? DEMO.find((d) => d.page === page.key) : undefined;
    const owner = demo?.owner ? await prisma.user.findUnique({ where: { email: demo.owner } }) : null;
    await prisma.pageOwnership.create({
      data: {
        pageType: page.type,
        pageId: page.id,
        ownerId: owner?.id ?? null,
        lastReviewedOn: demo ? addDays(addMonths(today, -demo.monthsAgo), -demo.daysAgo) : today,
      },
    });
    created += 1;
  }
  return created;
}
