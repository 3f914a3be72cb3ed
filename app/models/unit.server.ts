// Departments and units: the directory and the unit pages, in the reader's language.
import { localize } from "~/i18n/content";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { parseStringList } from "~/utils/json-list";
import { renderMarkdown } from "~/utils/markdown.server";

export const UNIT_KINDS = ["department", "unit"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Slugs that are URL segments of their own under /units. */
export const RESERVED_UNIT_SLUGS = ["chart", "new"] as const;

export function isValidUnitSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && !(RESERVED_UNIT_SLUGS as readonly string[]).includes(slug);
}

/** kebab-case of an English name: "Digital Services Unit" → "digital-services-unit". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export async function listUnits(lang: Lang) {
  const units = await prisma.unit.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    include: { texts: true },
  });
  return units.map((u) => ({
    id: u.id,
    slug: u.slug,
    kind: u.kind as UnitKind,
    parentSlug: units.find((p) => p.id === u.parentId)?.slug ?? null,
    needsReview: u.needsReview,
    name: localize(u.texts, lang, u.sourceLang, (t) => t.name),
    summary: localize(u.texts, lang, u.sourceLang, (t) => t.summary),
  }));
}

export async function getUnit(lang: Lang, slug: string) {
  const unit = await prisma.unit.findUnique({
    where: { slug },
    include: {
      texts: true,
      parent: { include: { texts: true } },
      children: { include: { texts: true }, orderBy: [{ position: "asc" }, { slug: "asc" }] },
    },
  });
  if (!unit) return null;
  const nameOf = (u: { slug: string; sourceLang: string; texts: typeof unit.texts }) => ({
    slug: u.slug,
    name: localize(u.texts, lang, u.sourceLang, (t) => t.name),
  });
  return {
    slug: unit.slug,
    kind: unit.kind as UnitKind,
    contactEmail: unit.contactEmail,
    location: unit.location,
    head: unit.head,
    needsReview: unit.needsReview,
    updatedAt: unit.updatedAt.toISOString(),
    content: localize(unit.texts, lang, unit.sourceLang, (t) => ({
      name: t.name,
      summary: t.summary,
      descriptionHtml: renderMarkdown(t.description),
      duties: parseStringList(t.duties),
    })),
    parent: unit.parent ? nameOf(unit.parent) : null,
    children: unit.children.map(nameOf),
  };
}

/** Units as choices in a form (admin pages): id and name in the reader's language. */
export async function listUnitOptions(lang: Lang) {
  return (await listUnits(lang)).map((u) => ({ id: u.id, name: u.name?.value ?? u.slug, lang: u.name?.lang ?? lang }));
}
