// Translations that fell behind their source text: the editors' to-do list (languages issue,
// item 5). A translation is behind when its source text's version is newer than the version it
// was made from (the same rule readers see on the pages, app/i18n/content.ts).
import { isOutdatedTranslation } from "~/i18n/content";
import { isLang, languages, type Lang, type MessageKey } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { loadDoc, ORG_DOCS, type OrgDoc } from "./organisation-editing.server";
import { canEditOrganisationTexts, canEditUnit, type Actor } from "./permissions";

export interface OutdatedTranslation {
  kind: "unit" | OrgDoc;
  /** The unit's slug; null for the organisation documents. */
  slug: string | null;
  /** The unit's name in its source language. */
  unitName: string | null;
  /** For documents: which text, as a label key and the value's or goal's number. */
  label: { key: MessageKey; n?: number } | null;
  lang: Lang;
  sourceLang: Lang;
  translatedFromVersion: number;
  sourceVersion: number;
  /** The edit page of the translation (in its own language). */
  editPath: string;
}

/** Every outdated translation; with an actor, only those that person may edit. */
export async function listOutdatedTranslations(actor?: Actor | null): Promise<OutdatedTranslation[]> {
  const out: OutdatedTranslation[] = [];
  const units = await prisma.unit.findMany({
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    include: { texts: true },
  });
  for (const unit of units) {
    if (actor !== undefined && !canEditUnit(actor, unit.id)) continue;
    const source = unit.texts.find((t) => t.lang === unit.sourceLang) ?? null;
    for (const text of unit.texts) {
      if (!source || !isLang(text.lang) || !isLang(unit.sourceLang) || !isOutdatedTranslation(text, source)) continue;
      out.push({
        kind: "unit",
        slug: unit.slug,
        unitName: source.name,
        label: null,
        lang: text.lang,
        sourceLang: unit.sourceLang,
        translatedFromVersion: text.sourceVersion ?? 0,
        sourceVersion: source.version,
        editPath: `/${text.lang}/units/${unit.slug}/edit`,
      });
    }
  }
  if (actor !== undefined && !canEditOrganisationTexts(actor ?? null)) return out;
  for (const doc of ORG_DOCS) {
    for (const lang of languages) {
      const state = await loadDoc(doc, lang);
      for (const item of state.items) {
        const { row, sourceRow } = item;
        if (!row || !sourceRow || !isLang(item.sourceLang) || item.sourceLang === lang) continue;
        if (row.sourceVersion == null || sourceRow.version <= row.sourceVersion) continue;
        const field = item.fields[0];
        // Values and goals are named by their number; strategy texts by their own label.
        const label =
          doc === "strategy" ? { key: field.labelKey } : { key: `edit.${doc}.item` as MessageKey, n: field.n };
        out.push({
          kind: doc,
          slug: null,
          unitName: null,
          label,
          lang,
          sourceLang: item.sourceLang,
          translatedFromVersion: row.sourceVersion,
          sourceVersion: sourceRow.version,
          editPath: `/${lang}/${doc}/edit`,
        });
      }
    }
  }
  return out;
}
