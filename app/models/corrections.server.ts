// Corrections from readers: any signed-in reader suggests one on a unit page or organisation
// document; the page's owner and editors see who suggested it and resolve it, by an edit (the
// suggestion then links to the revision that fixed it) or by declining with a reply. The
// suggester sees the outcome on their own list; nobody else sees who suggested what.
import { z } from "zod";
import { translator, type Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { deliverSoon, mailText, publicOrigin, queueMail, recipientLang } from "./mail.server";
import { carePath, describePage, isPageType, type PageRef, type PageType } from "./page-ownership.server";
import type { Actor } from "./permissions";
import { mayEditPage, mayResolveSuggestions } from "./permissions.server";

import { REPLY_MAX, SUGGESTION_MAX } from "./correction-limits";
import { optionalText, requiredText } from "./edit-fields.server";

export const suggestionSchema = z.object({
  page: z.string().min(1),
  whatIsWrong: requiredText(SUGGESTION_MAX),
  suggestedText: optionalText(SUGGESTION_MAX),
});

export const declineSchema = z.object({ reply: requiredText(REPLY_MAX) });

type By = Actor & { name: string };

export class SuggestionNotAllowedError extends Error {}

/** Records a suggestion and queues a mail to the page's owner (in the same transaction). */
export async function createSuggestion(args: {
  author: By;
  page: PageRef;
  lang: Lang;
  whatIsWrong: string;
  suggestedText: string | null;
  ipAddress: string | null;
}) {
  const { author, page, lang } = args;
  const suggestion = await prisma.$transaction(async (tx) => {
    const created = await tx.correctionSuggestion.create({
      data: {
        pageType: page.type,
        pageId: page.id,
        lang,
        authorId: author.id,
        whatIsWrong: args.whatIsWrong,
        suggestedText: args.suggestedText,
      },
    });
    await recordAudit(
      {
        action: "suggestion.create",
        actor: author,
        ipAddress: args.ipAddress,
        targetType: page.type,
        targetId: page.id,
        details: { suggestion: created.id },
      },
      tx,
    );
    const ownership = await tx.pageOwnership.findUnique({
      where: { pageType_pageId: { pageType: page.type, pageId: page.id } },
      include: { owner: true },
    });
    const owner = ownership?.owner && !ownership.owner.disabledAt ? ownership.owner : null;
    if (owner && owner.id !== author.id) {
      const mailLang = recipientLang(owner);
      const t = translator(mailLang);
      const described = await describePage(page, mailLang, tx);
      if (described) {
        const quoted = [
          args.whatIsWrong,
          ...(args.suggestedText ? ["", `${t("care.shouldSay")} ${args.suggestedText}`] : []),
        ];
        await queueMail(
          {
            kind: "suggestion_received",
            dedupeKey: `suggestion_received:${created.id}:${owner.id}`,
            recipient: owner,
            subject: t("mail.suggestion.subject", { page: described.title }),
            body: mailText(
              mailLang,
              owner.name,
              [t("mail.suggestion.body", { page: described.title }), quoted.join("\n")],
              publicOrigin() + carePath(mailLang, page, described.slug),
            ),
          },
          tx,
        );
      }
    }
    return created;
  });
  deliverSoon();
  return suggestion;
}

/**
 * The signed-in person's own suggestions, newest first, with the page named in their language.
 * A fixed one names the version that fixed it; the link to that revision is given only to a
 * reader who may open the page's history (its owner and editors).
 */
export async function listMySuggestions(reader: Actor, lang: Lang) {
  const rows = await prisma.correctionSuggestion.findMany({ where: { authorId: reader.id }, orderBy: { id: "desc" } });
  const fixes = await prisma.revision.findMany({
    where: { id: { in: rows.map((s) => s.revisionId).filter((id): id is number => id !== null) } },
    select: { id: true, version: true, createdAt: true },
  });
  return Promise.all(
    rows.map(async (s) => {
      const ref: PageRef = { type: s.pageType as PageType, id: s.pageId };
      const page = await describePage(ref, lang);
      const fix = fixes.find((r) => r.id === s.revisionId);
      return {
        id: s.id,
        page: page && { title: page.title, path: page.path },
        whatIsWrong: s.whatIsWrong,
        suggestedText: s.suggestedText,
        status: s.status as "open" | "fixed" | "declined",
        reply: s.reply,
        createdAt: s.createdAt.toISOString(),
        resolvedAt: s.resolvedAt?.toISOString() ?? null,
        fixedIn:
          fix && page
            ? {
                version: fix.version,
                savedAt: fix.createdAt.toISOString(),
                path: (await mayEditPage(reader, ref)) ? `${page.path}/history/${fix.id}` : null,
              }
            : null,
      };
    }),
  );
}

/** Open suggestions of a page, with who made them: for its owner and editors only. */
export async function listOpenSuggestions(actor: Actor, page: PageRef) {
  if (!(await mayResolveSuggestions(actor, page))) throw new SuggestionNotAllowedError();
  const rows = await prisma.correctionSuggestion.findMany({
    where: { pageType: page.type, pageId: page.id, status: "open" },
    orderBy: { id: "asc" },
    include: { author: { select: { name: true, email: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    lang: s.lang,
    whatIsWrong: s.whatIsWrong,
    suggestedText: s.suggestedText,
    createdAt: s.createdAt.toISOString(),
    author: s.author,
  }));
}

/** Open suggestions on the pages this person owns or edits (the editor's desk). */
export async function countOpenSuggestions(page: PageRef) {
  return prisma.correctionSuggestion.count({ where: { pageType: page.type, pageId: page.id, status: "open" } });
}

export type ResolveOutcome =
  { status: "resolved" } | { status: "notFound" } | { status: "alreadyResolved" } | { status: "noEditSince" };

/**
 * Resolves an open suggestion. "fixed" links the page's latest revision saved after the
 * suggestion was made (there must be one); "declined" needs a reply. Mails the suggester.
 */
export async function resolveSuggestion(args: {
  actor: By;
  suggestionId: number;
  outcome: "fixed" | "declined";
  reply: string | null;
  ipAddress: string | null;
}): Promise<ResolveOutcome> {
  const { actor, suggestionId, outcome } = args;
  const suggestion = await prisma.correctionSuggestion.findUnique({
    where: { id: suggestionId },
    include: { author: true },
  });
  if (!suggestion || !isPageType(suggestion.pageType)) return { status: "notFound" };
  const page: PageRef = { type: suggestion.pageType, id: suggestion.pageId };
  if (!(await mayResolveSuggestions(actor, page))) throw new SuggestionNotAllowedError();
  const result = await prisma.$transaction(async (tx): Promise<ResolveOutcome> => {
    let revisionId: number | null = null;
    if (outcome === "fixed") {
      const revision = await tx.revision.findFirst({
        where: { entityType: page.type, entityId: page.id, createdAt: { gte: suggestion.createdAt } },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      if (!revision) return { status: "noEditSince" };
      revisionId = revision.id;
    }
    const updated = await tx.correctionSuggestion.updateMany({
      where: { id: suggestionId, status: "open" },
      data: {
        status: outcome,
        reply: outcome === "declined" ? args.reply : null,
        revisionId,
        resolvedById: actor.id,
        resolvedAt: new Date(),
      },
    });
    if (updated.count !== 1) return { status: "alreadyResolved" };
    await recordAudit(
      {
        action: "suggestion.resolve",
        actor,
        ipAddress: args.ipAddress,
        targetType: page.type,
        targetId: page.id,
        details: { suggestion: suggestionId, outcome, revisionId },
      },
      tx,
    );
    const author = suggestion.author;
    if (!author.disabledAt) {
      const mailLang = recipientLang(author);
      const t = translator(mailLang);
      const described = await describePage(page, mailLang, tx);
      if (described) {
        const paragraphs =
          outcome === "fixed"
            ? [t("mail.resolvedFixed.body", { page: described.title })]
            : [t("mail.resolvedDeclined.body", { page: described.title }), args.reply ?? ""];
        await queueMail(
          {
            kind: `suggestion_${outcome}`,
            dedupeKey: `suggestion_resolved:${suggestionId}:${author.id}`,
            recipient: author,
            subject: t("mail.resolved.subject", { page: described.title }),
            body: mailText(mailLang, author.name, paragraphs, publicOrigin() + described.path),
          },
          tx,
        );
      }
    }
    return { status: "resolved" };
  });
  if (result.status === "resolved") deliverSoon();
  return result;
}

/** The page a suggestion is about (for routes that resolve by id). */
export async function suggestionPage(suggestionId: number): Promise<PageRef | null> {
  const s = await prisma.correctionSuggestion.findUnique({ where: { id: suggestionId } });
  return s && isPageType(s.pageType) ? { type: s.pageType, id: s.pageId } : null;
}
