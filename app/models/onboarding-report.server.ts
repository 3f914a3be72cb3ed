// The HR view of onboarding: every newcomer with their plan's progress, filters, progress by unit
// (for the chart and its table) and the CSV export. A newcomer is anyone with a start date whose
// trial period (six months) has not ended, or whose plan is not complete yet, so an overdue plan
// never drops out of view.
import { z } from "zod";
import { formatDate, translator, type Lang } from "~/i18n";
import type { Localized } from "~/i18n/content";
import { prisma } from "~/utils/db.server";
import { toCsv } from "~/utils/csv";
import { getAcknowledgementStates, type AcknowledgementStates } from "./acknowledgement.server";
import { dueDate } from "./onboarding-dates";
import { DOCUMENTS, STATUS_FILTERS, type PlanSummary, type StatusFilter } from "./onboarding-rules";
import { getPlans, personSelect, type PlanItem, type PlanPerson } from "./onboarding.server";
import { listUnits } from "./unit.server";
import { todayInHelsinki } from "~/utils/helsinki-time";

/** GET parameters of the HR view and the export: unknown values mean "all". */
export const newcomerFilterSchema = z.object({
  unit: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
});
export type NewcomerFilter = z.output<typeof newcomerFilterSchema>;

export function parseNewcomerFilter(url: URL): NewcomerFilter {
  const parsed = newcomerFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { unit: parsed.unit || undefined, status: parsed.status };
}

export interface NewcomerRow {
  id: number;
  name: string;
  email: string;
  startDate: string | null;
  unitSlug: string | null;
  unitName: Localized<string> | null;
  supervisorName: string | null;
  summary: PlanSummary;
  overdueSteps: Localized<string>[];
  nextStep: PlanItem | null;
  acknowledgements: AcknowledgementStates;
}

export interface UnitProgress {
  slug: string | null;
  name: Localized<string> | null;
  people: number;
  completed: number;
  total: number;
  /** Whole percent of all their steps completed. */
  percent: number;
}

function matchesStatus(summary: PlanSummary, status: StatusFilter | undefined): boolean {
  if (!status) return true;
  if (status === "overdue") return summary.overdue > 0;
  if (status === "blocked") return summary.blocked > 0;
  return summary.status === status;
}

type PersonWithSupervisor = PlanPerson & { supervisor: { name: string } | null };

/** Plan summaries, overdue steps, next step and acknowledgements of each person. */
async function rowsFor(
  people: readonly PersonWithSupervisor[],
  lang: Lang,
  today: string,
  units: Awaited<ReturnType<typeof listUnits>>,
): Promise<NewcomerRow[]> {
  const [plans, acknowledgements] = await Promise.all([
    getPlans(people, lang, today),
    getAcknowledgementStates(people.map((p) => p.id)),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  return plans.map((plan, i) => {
    const person = people[i];
    const unit = person.homeUnitId ? unitById.get(person.homeUnitId) : undefined;
    return {
      id: person.id,
      name: person.name,
      email: person.email,
      startDate: person.startDate,
      unitSlug: unit?.slug ?? null,
      unitName: unit?.name ?? null,
      supervisorName: person.supervisor?.name ?? null,
      summary: plan.summary,
      overdueSteps: plan.items.filter((item) => item.overdue && item.title).map((item) => item.title!),
      nextStep: plan.items.find((item) => item.stepId === plan.summary.nextStepId) ?? null,
      acknowledgements: acknowledgements.get(person.id)!,
    };
  });
}

const sortOverdueFirst = (a: NewcomerRow, b: NewcomerRow) =>
  b.summary.overdue - a.summary.overdue ||
  (a.startDate ?? "").localeCompare(b.startDate ?? "") ||
  a.name.localeCompare(b.name);

/** All newcomers (for the chart) and those matching the filter (for the table), overdue first. */
export async function getNewcomerReport(filter: NewcomerFilter, lang: Lang, today = todayInHelsinki()) {
  const [people, units] = await Promise.all([
    prisma.user.findMany({
      where: { disabledAt: null, startDate: { not: null } },
      select: { ...personSelect, supervisor: { select: { name: true } } },
    }),
    listUnits(lang),
  ]);
  const all = (await rowsFor(people, lang, today, units)).filter(
    (r) => dueDate(r.startDate!, "trial_period") >= today || r.summary.status !== "completed",
  );
  const rows = all
    .filter((r) => (!filter.unit || r.unitSlug === filter.unit) && matchesStatus(r.summary, filter.status))
    .sort(sortOverdueFirst);
  return { rows, byUnit: progressByUnit(all, units), units: units.map((u) => ({ slug: u.slug, name: u.name })), today };
}

/** A supervisor's reports (anyone reporting to them, start date or not), overdue first. */
export async function getTeamReport(supervisorId: number, lang: Lang, today = todayInHelsinki()) {
  const [people, units] = await Promise.all([
    prisma.user.findMany({
      where: { disabledAt: null, supervisorId },
      select: { ...personSelect, supervisor: { select: { name: true } } },
    }),
    listUnits(lang),
  ]);
  return { rows: (await rowsFor(people, lang, today, units)).sort(sortOverdueFirst), today };
}

/** Progress by unit in the agency's unit order; people without a unit come last. */
export function progressByUnit(
  rows: readonly NewcomerRow[],
  units: readonly { slug: string; name: Localized<string> | null }[],
): UnitProgress[] {
  const groups = new Map<string | null, NewcomerRow[]>();
  for (const row of rows) groups.set(row.unitSlug, [...(groups.get(row.unitSlug) ?? []), row]);
  const order = [...units.map((u) => u.slug), null];
  return order
    .filter((slug) => groups.has(slug))
    .map((slug) => {
      const members = groups.get(slug)!;
      const completed = members.reduce((n, r) => n + r.summary.completed, 0);
      const total = members.reduce((n, r) => n + r.summary.total, 0);
      return {
        slug,
        name: units.find((u) => u.slug === slug)?.name ?? null,
        people: members.length,
        completed,
        total,
        percent: total === 0 ? 0 : Math.floor((completed / total) * 100),
      };
    });
}

/** The table as CSV, with headers and dates in the reader's language. */
export function newcomersCsv(rows: readonly NewcomerRow[], lang: Lang): string {
  const t = translator(lang);
  const ack = (row: NewcomerRow, doc: (typeof DOCUMENTS)[number]) => {
    const state = row.acknowledgements[doc];
    if (!state) return t("onboarding.ack.none");
    return state.current ? formatDate(lang, state.acknowledgedAt) : t("onboarding.ack.askedAgainShort");
  };
  return toCsv([
    [
      t("onboarding.col.name"),
      t("onboarding.col.email"),
      t("onboarding.col.unit"),
      t("onboarding.col.supervisor"),
      t("onboarding.col.startDate"),
      t("onboarding.col.status"),
      t("onboarding.col.completed"),
      t("onboarding.col.total"),
      t("onboarding.col.percent"),
      t("onboarding.col.overdue"),
      t("onboarding.col.nextStep"),
      t("onboarding.col.nextDue"),
      ...DOCUMENTS.map((d) => t(`onboarding.ack.doc.${d}`)),
    ],
    ...rows.map((r) => [
      r.name,
      r.email,
      r.unitName?.value ?? "",
      r.supervisorName ?? "",
      r.startDate ? formatDate(lang, r.startDate) : "",
      t(`onboarding.planStatus.${r.summary.status}`),
      r.summary.completed,
      r.summary.total,
      r.summary.percent,
      r.summary.overdue,
      r.nextStep?.title?.value ?? "",
      r.nextStep?.dueDate ? formatDate(lang, r.nextStep.dueDate) : "",
      ...DOCUMENTS.map((d) => ack(r, d)),
    ]),
  ]);
}
