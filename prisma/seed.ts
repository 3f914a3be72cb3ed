// Idempotent seed, run on every start: adds what is missing, never changes a row that exists
// (so an editor's changes survive), and prints what it did.
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "~/generated/prisma/client";
import { ensureSearchIndex } from "~/models/search.server";
import { recordInitialDocumentRevisions } from "~/models/organisation-editing.server";
import { recordInitialUnitRevisions } from "~/models/unit-editing.server";
import { hashPassword } from "~/models/user.server";
import { isProductionMode } from "~/utils/env.server";
import * as content from "./seed-content";
import { seedOnboarding } from "./seed-onboarding";
import { seedPageOwnership } from "./seed-ownership";

/** Password of the demo accounts (evaluation and development only); see README. */
export const DEFAULT_DEMO_PASSWORD = "migri-demo-2026";

type Log = (line: string) => void;

export async function seed(prisma: PrismaClient, log: Log = console.log): Promise<{ created: number }> {
  let created = 0;
  const count = (what: string, n: number) => {
    created += n;
    log(n > 0 ? `seed: ${what}: added ${n}` : `seed: ${what}: up to date`);
  };

  const existingProfile = await prisma.organisationProfile.findUnique({ where: { id: 1 } });
  if (!existingProfile) await prisma.organisationProfile.create({ data: { id: 1, ...content.profile } });
  count("organisation profile", existingProfile ? 0 : 1);

  let texts = 0;
  for (const [key, byLang] of Object.entries(content.organisationTexts)) {
    texts += await createMissingTexts(
      byLang,
      content.profile.sourceLang,
      async (lang) => (await prisma.organisationText.findUnique({ where: { key_lang: { key, lang } } })) !== null,
      (lang, body, sourceVersion) =>
        prisma.organisationText.create({
          data: { key, lang, body: Array.isArray(body) ? JSON.stringify(body) : body, sourceVersion },
        }),
    );
  }
  count("organisation texts", texts);

  let valueTexts = 0;
  for (const [position, item] of content.values.entries()) {
    const value = await prisma.value.upsert({
      where: { key: item.key },
      update: {},
      create: { key: item.key, position: position + 1, sourceLang: "en" },
    });
    valueTexts += await createMissingTexts(
      item.texts,
      "en",
      async (lang) =>
        (await prisma.valueText.findUnique({ where: { valueId_lang: { valueId: value.id, lang } } })) !== null,
      (lang, name, sourceVersion) =>
        prisma.valueText.create({ data: { valueId: value.id, lang, name: String(name), sourceVersion } }),
    );
  }
  count("value texts", valueTexts);

  let goalTexts = 0;
  for (const [position, item] of content.goals.entries()) {
    const goal = await prisma.goal.upsert({
      where: { key: item.key },
      update: {},
      create: { key: item.key, position: position + 1, sourceLang: "en" },
    });
    goalTexts += await createMissingTexts(
      item.texts,
      "en",
      async (lang) =>
        (await prisma.goalText.findUnique({ where: { goalId_lang: { goalId: goal.id, lang } } })) !== null,
      (lang, text, sourceVersion) =>
        prisma.goalText.create({ data: { goalId: goal.id, lang, text: String(text), sourceVersion } }),
    );
  }
  count("goal texts", goalTexts);

  let units = 0;
  for (const [position, unit] of content.units.entries()) {
    const exists = await prisma.unit.findUnique({ where: { slug: unit.slug } });
    if (exists) continue;
    await prisma.unit.create({
      data: {
        slug: unit.slug,
        kind: unit.kind,
        position: position + 1,
        contactEmail: unit.contactEmail ?? null,
        head: unit.head ?? null,
        needsReview: unit.needsReview,
        sourceLang: "en",
        texts: {
          create: {
            lang: "en",
            name: unit.name,
            summary: unit.summary,
            description: unit.description,
            duties: JSON.stringify(unit.duties),
          },
        },
      },
    });
    units += 1;
  }
  count("units", units);

  // History starts at the seeded content: version 1 of each text is a revision that can be
  // compared with and restored to (docs/decisions/0006-revisions-and-conflicts.md).
  count(
    "initial revisions",
    (await recordInitialUnitRevisions(prisma)) + (await recordInitialDocumentRevisions(prisma)),
  );

  if (isProductionMode()) {
    log("seed: demo accounts: skipped (production mode)");
  } else {
    count("demo accounts", await seedDemoAccounts(prisma, process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD));
  }

  // Onboarding steps (issue 6); demo plans in progress only outside production.
  count("onboarding steps and demo progress", await seedOnboarding(prisma, !isProductionMode()));

  // Owners and review dates; demo owners with due and overdue reviews only outside production.
  count("page owners and review dates", await seedPageOwnership(prisma, !isProductionMode()));

  // Site search: triggers keep the index current on every save; this fails loudly if a migration
  // lost them, and rebuilds an index that does not match the texts (a fresh or restored database).
  log(`seed: site search index: ${(await ensureSearchIndex(prisma)) ? "rebuilt" : "up to date"}`);
  return { created };
}

/**
 * Demo accounts for evaluation. Created once; a later seed never resets a changed password,
 * role or unit assignment.
 */
async function seedDemoAccounts(prisma: PrismaClient, password: string): Promise<number> {
  let created = 0;
  let passwordHash: string | undefined;
  for (const account of content.demoAccounts) {
    if (await prisma.user.findUnique({ where: { email: account.email } })) continue;
    passwordHash ??= await hashPassword(password);
    const unitId = async (slug: string | undefined) =>
      slug ? (await prisma.unit.findUniqueOrThrow({ where: { slug } })).id : null;
    const homeUnitId = await unitId(account.homeUnit);
    const editable = await Promise.all((account.editableUnits ?? []).map(unitId));
    // Supervisors come before their reports in the list, so the supervisor exists here.
    const supervisor = account.supervisor
      ? await prisma.user.findUnique({ where: { email: account.supervisor } })
      : null;
    await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        homeUnitId,
        passwordHash,
        supervisorId: supervisor?.id ?? null,
        startDate: account.startedDaysAgo === undefined ? null : helsinkiDateDaysAgo(account.startedDaysAgo),
        editableUnits: { create: editable.filter((id): id is number => id !== null).map((id) => ({ unitId: id })) },
      },
    });
    created += 1;
  }
  return created;
}

/**
 * Creates the texts of one item that do not exist yet: the source language first, then the
 * translations, each recording the version of the source text it was made from.
 */
async function createMissingTexts<T>(
  byLang: Partial<Record<string, T>>,
  sourceLang: string,
  exists: (lang: string) => Promise<boolean>,
  create: (lang: string, body: T, sourceVersion: number | null) => Promise<unknown>,
): Promise<number> {
  let created = 0;
  const langs = Object.keys(byLang).sort((a, b) => (a === sourceLang ? -1 : b === sourceLang ? 1 : 0));
  for (const lang of langs) {
    if (await exists(lang)) continue;
    await create(lang, byLang[lang] as T, lang === sourceLang ? null : 1);
    created += 1;
  }
  return created;
}

/** Today's calendar date in Helsinki minus `days`, as YYYY-MM-DD. */
function helsinkiDateDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { prisma } = await import("~/utils/db.server");
  try {
    const { created } = await seed(prisma);
    console.log(created > 0 ? `seed: done, ${created} rows added` : "seed: done, nothing to add");
  } finally {
    await prisma.$disconnect();
  }
}
