// Read acknowledgements ("I have read and understood") of the values, goals and strategy. Each
// record keeps the language and content version read. A later revision an editor marked as major
// asks again; minor ones (typos) do not (docs/decisions/0007-onboarding-plans.md).
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { DOCUMENTS, isAcknowledgementCurrent, type OrgDocument } from "./onboarding-rules";

export interface AcknowledgementState {
  acknowledgedAt: string;
  lang: string;
  contentVersion: number;
  /** False when a major change was made after it: the reader is asked to acknowledge again. */
  current: boolean;
}

export type AcknowledgementStates = Record<OrgDocument, AcknowledgementState | null>;

/** When the document last had a major revision (any language), or null. */
export async function latestMajorRevisionAt(document: OrgDocument): Promise<Date | null> {
  const row = await prisma.revision.findFirst({
    where: { entityType: document, isMajor: true },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/** The document's content version in one language: its latest revision there (1 before any edit). */
export async function documentVersion(document: OrgDocument, lang: Lang): Promise<number> {
  const row = await prisma.revision.findFirst({
    where: { entityType: document, entityId: 0, scope: lang },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return row?.version ?? 1;
}

async function majorDates(): Promise<Record<OrgDocument, Date | null>> {
  const dates = await Promise.all(DOCUMENTS.map(latestMajorRevisionAt));
  return Object.fromEntries(DOCUMENTS.map((d, i) => [d, dates[i]])) as Record<OrgDocument, Date | null>;
}

/** Each person's latest acknowledgement of each document, and whether it is still current. */
export async function getAcknowledgementStates(
  userIds: readonly number[],
): Promise<Map<number, AcknowledgementStates>> {
  const [rows, major] = await Promise.all([
    prisma.acknowledgement.findMany({
      where: { userId: { in: [...userIds] }, document: { in: [...DOCUMENTS] } },
      orderBy: [{ acknowledgedAt: "asc" }, { id: "asc" }],
    }),
    majorDates(),
  ]);
  const states = new Map<number, AcknowledgementStates>(
    userIds.map((id) => [id, { values: null, goals: null, strategy: null }]),
  );
  // Ascending order: the last row written per document wins.
  for (const row of rows) {
    const document = row.document as OrgDocument;
    states.get(row.userId)![document] = {
      acknowledgedAt: row.acknowledgedAt.toISOString(),
      lang: row.lang,
      contentVersion: row.contentVersion,
      current: isAcknowledgementCurrent(row.acknowledgedAt, major[document]),
    };
  }
  return states;
}

export async function getAcknowledgementState(
  userId: number,
  document: OrgDocument,
): Promise<AcknowledgementState | null> {
  return (await getAcknowledgementStates([userId])).get(userId)![document];
}

/**
 * Records an acknowledgement of what the reader has in front of them. Asking twice while the
 * first is still current records nothing new.
 */
export async function recordAcknowledgement(userId: number, document: OrgDocument, lang: Lang) {
  const existing = await getAcknowledgementState(userId, document);
  const contentVersion = await documentVersion(document, lang);
  if (existing?.current && existing.lang === lang && existing.contentVersion === contentVersion)
    return { created: false };
  await prisma.acknowledgement.create({ data: { userId, document, lang, contentVersion } });
  return { created: true };
}
