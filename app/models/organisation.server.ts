// The agency's own texts: profile, strategy, values and goals, in the reader's language.
import { localize, type Localized } from "~/i18n/content";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { parseStringList } from "~/utils/json-list";

export const ORGANISATION_TEXT_KEYS = [
  "agencyName",
  "missionLine",
  "whatWeDo",
  "ambition",
  "agencyDuties",
  "strategyTitle",
  "strategySummary",
  "strategyVision",
] as const;
export type OrganisationTextKey = (typeof ORGANISATION_TEXT_KEYS)[number];

export async function getOrganisation(lang: Lang) {
  const [profile, rows] = await Promise.all([
    prisma.organisationProfile.findUniqueOrThrow({ where: { id: 1 } }),
    prisma.organisationText.findMany(),
  ]);
  const text = (key: OrganisationTextKey) =>
    localize(
      rows.filter((r) => r.key === key),
      lang,
      profile.sourceLang,
      (r) => r.body,
    );
  const list = (key: OrganisationTextKey): Localized<string[]> | null => {
    const picked = text(key);
    return picked && { ...picked, value: parseStringList(picked.value) };
  };
  return {
    profile: {
      shortName: profile.shortName,
      directorGeneralName: profile.directorGeneralName,
      strategyPeriodStart: profile.strategyPeriodStart,
      strategyPeriodEnd: profile.strategyPeriodEnd,
      strategyPublishedOn: profile.strategyPublishedOn,
      staffCount: profile.staffCount,
      staffCountYear: profile.staffCountYear,
    },
    agencyName: text("agencyName"),
    missionLine: text("missionLine"),
    whatWeDo: text("whatWeDo"),
    ambition: text("ambition"),
    agencyDuties: list("agencyDuties"),
    strategyTitle: text("strategyTitle"),
    strategySummary: text("strategySummary"),
    strategyVision: list("strategyVision"),
  };
}

export async function getValues(lang: Lang) {
  const values = await prisma.value.findMany({ orderBy: { position: "asc" }, include: { texts: true } });
  return values.map((v) => ({
    key: v.key,
    position: v.position,
    name: localize(v.texts, lang, v.sourceLang, (t) => t.name),
    description: localize(
      v.texts.filter((t) => t.description),
      lang,
      v.sourceLang,
      (t) => t.description ?? "",
    ),
  }));
}

export async function getGoals(lang: Lang) {
  const goals = await prisma.goal.findMany({ orderBy: { position: "asc" }, include: { texts: true } });
  return goals.map((g) => ({
    key: g.key,
    position: g.position,
    text: localize(g.texts, lang, g.sourceLang, (t) => t.text),
  }));
}
