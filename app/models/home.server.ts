// The personal front page of a signed-in person: who they are and where they work, their
// onboarding's next steps, what changed in the portal since their previous visit, and for
// supervisors their team's overdue steps (docs/decisions/0014-personal-front-page-and-calendar.md).
import type { Lang } from "~/i18n";
import { localize, type Localized } from "~/i18n/content";
import { prisma } from "~/utils/db.server";
import { helsinkiToday } from "./onboarding-dates";
import { openStepsInOrder, type PlanSummary } from "./onboarding-rules";
import { getPlan, getPlans, personSelect, type PlanItem } from "./onboarding.server";
import { ENTITY_TYPES, type EntityType } from "./revision.server";
import { canEditOrganisationTexts, type Actor } from "./roles";
import { previousVisitAt } from "./visits.server";

/** How many changes and next steps the page lists at most. */
export const MAX_CHANGES = 10;
export const NEXT_STEPS = 3;

export interface HomeChange {
  entityType: EntityType;
  /** Portal path without the language prefix. */
  path: string;
  /** A unit's name; null for the strategy, values and goals (the page names them). */
  unitName: Localized<string> | null;
  changeNote: string;
  changedAt: string;
}

export interface TeamOverdueLine {
  personId: number;
  personName: string;
  stepId: number;
  title: Localized<string> | null;
  dueDate: string;
}

export interface PersonalHome {
  name: string;
  unit: { slug: string; name: Localized<string> | null } | null;
  supervisor: { name: string; email: string } | null;
  /** Only for someone with an onboarding plan: a start date and a plan not yet complete. */
  plan: { summary: PlanSummary; next: PlanItem[] } | null;
  /** The step just changed from this page (for its "Undo"), if it is in the plan. */
  changed: PlanItem | null;
  /** Null on the first visit (nothing to compare with). */
  previousVisit: string | null;
  changes: HomeChange[];
  /** Null unless the person supervises someone. */
  teamOverdue: TeamOverdueLine[] | null;
  isHr: boolean;
}

const DOCUMENT_PATHS: Record<Exclude<EntityType, "unit">, string> = {
  strategy: "/strategy",
  values: "/values",
  goals: "/goals",
};

/**
 * Pages whose content changed after `since`: one entry per page with its newest change note,
 * newest first. Changes the portal made itself (seed, baseline) and the reader's own edits are
 * left out: they are not news to the reader.
 */
export async function changesSince(
  since: Date,
  lang: Lang,
  readerId: number,
  limit = MAX_CHANGES,
): Promise<HomeChange[]> {
  const rows = await prisma.revision.findMany({
    where: {
      createdAt: { gt: since },
      entityType: { in: [...ENTITY_TYPES] },
      authorId: { not: null },
      NOT: { authorId: readerId },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { entityType: true, entityId: true, changeNote: true, createdAt: true },
    take: 500,
  });
  const newestPerPage = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.entityType}:${row.entityId}`;
    if (!newestPerPage.has(key)) newestPerPage.set(key, row);
  }
  const picked = [...newestPerPage.values()].slice(0, limit);
  const unitIds = picked.filter((r) => r.entityType === "unit").map((r) => r.entityId);
  const units = unitIds.length
    ? await prisma.unit.findMany({ where: { id: { in: unitIds } }, include: { texts: true } })
    : [];
  const unitById = new Map(units.map((u) => [u.id, u]));
  const changes: HomeChange[] = [];
  for (const row of picked) {
    const changedAt = row.createdAt.toISOString();
    if (row.entityType === "unit") {
      const unit = unitById.get(row.entityId);
      if (!unit) continue; // a deleted unit has no page to link to
      changes.push({
        entityType: "unit",
        path: `/units/${unit.slug}`,
        unitName: localize(unit.texts, lang, unit.sourceLang, (t) => t.name),
        changeNote: row.changeNote,
        changedAt,
      });
    } else if (row.entityType in DOCUMENT_PATHS) {
      const entityType = row.entityType as keyof typeof DOCUMENT_PATHS;
      changes.push({
        entityType,
        path: DOCUMENT_PATHS[entityType],
        unitName: null,
        changeNote: row.changeNote,
        changedAt,
      });
    }
  }
  return changes;
}

/** Overdue steps of the supervisor's reports, one line each, the longest overdue first. */
export async function teamOverdueSteps(supervisorId: number, lang: Lang, today = helsinkiToday()) {
  const reports = await prisma.user.findMany({
    where: { supervisorId, disabledAt: null },
    select: personSelect,
    orderBy: { name: "asc" },
  });
  if (reports.length === 0) return null;
  const plans = await getPlans(reports, lang, today);
  const lines: TeamOverdueLine[] = plans.flatMap((plan) =>
    plan.items
      .filter((item) => item.overdue && item.dueDate !== null)
      .map((item) => ({
        personId: plan.person.id,
        personName: plan.person.name,
        stepId: item.stepId,
        title: item.title,
        dueDate: item.dueDate!,
      })),
  );
  return lines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.personName.localeCompare(b.personName));
}

export async function getPersonalHome(
  actor: Actor,
  lang: Lang,
  changedStepId: number | null = null,
  today = helsinkiToday(),
): Promise<PersonalHome> {
  const person = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      name: true,
      startDate: true,
      homeUnit: { select: { slug: true, sourceLang: true, texts: true } },
      supervisor: { select: { name: true, email: true } },
    },
  });
  const since = await previousVisitAt(actor.id);
  const [plan, changes, teamOverdue] = await Promise.all([
    person.startDate ? getPlan(actor.id, lang, today) : Promise.resolve(null),
    since ? changesSince(since, lang, actor.id) : Promise.resolve([]),
    teamOverdueSteps(actor.id, lang, today),
  ]);
  const unfinished = plan && plan.summary.total > 0 && plan.summary.status !== "completed";
  return {
    name: person.name,
    unit: person.homeUnit
      ? {
          slug: person.homeUnit.slug,
          name: localize(person.homeUnit.texts, lang, person.homeUnit.sourceLang, (t) => t.name),
        }
      : null,
    supervisor: person.supervisor,
    plan: unfinished ? { summary: plan.summary, next: openStepsInOrder(plan.items).slice(0, NEXT_STEPS) } : null,
    changed: plan?.items.find((i) => i.stepId === changedStepId) ?? null,
    previousVisit: since?.toISOString() ?? null,
    changes,
    teamOverdue,
    isHr: canEditOrganisationTexts(actor),
  };
}
