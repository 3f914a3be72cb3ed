// A goal summary as a PDF, made on the server with pdfkit (pure JavaScript: no browser, no
// network). Text uses the PDF standard font Helvetica in WinAnsi encoding, which covers Finnish
// and Swedish (ä ö å, š ž, €, typographic quotes and dashes) without shipping a font file;
// anything outside it is transliterated rather than printed as garbage (docs/decisions/0008).
import PDFDocument from "pdfkit";
import { formatDate, translator } from "~/i18n";
import { markdownToPlainText } from "~/utils/markdown.server";
import type { SummaryView } from "./summary.server";

const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u00ad": "",
};

function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRAS.has(ch) || ch === "\n";
}

/** Text the standard font can show: kept as is where possible, else without its accents, else "?". */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    if (isWinAnsi(ch)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += base && [...base].every(isWinAnsi) ? base : "?";
    }
  }
  return out;
}

const BRAND = "#003a70";
const MUTED = "#4a5360";

export async function renderSummaryPdf(summary: SummaryView): Promise<Buffer> {
  const t = translator(summary.lang);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 62, right: 62 },
    lang: summary.lang,
    displayTitle: true,
    info: {
      Title: toWinAnsi(summary.title),
      Author: toWinAnsi(summary.authorName),
      Subject: t("summaries.title"),
      Creator: t("site.name"),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (value: string, font: string, size: number, color = "#000000", gap = 4) => {
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(value), { width });
    doc.moveDown(gap / size);
  };
  const heightOf = (value: string, font: string, size: number) =>
    doc.font(font).fontSize(size).heightOfString(toWinAnsi(value), { width }) + 6;

  text(summary.title, "Helvetica-Bold", 20, BRAND, 8);
  text(
    t("summaries.byline", { name: summary.authorName, date: formatDate(summary.lang, summary.updatedAt) }),
    "Helvetica",
    10,
    MUTED,
    12,
  );
  if (summary.intro) text(markdownToPlainText(summary.intro), "Helvetica", 11, "#000000", 14);

  for (const item of summary.items) {
    const label =
      item.kind === "goal"
        ? t("summaries.goalLabel", { number: item.number })
        : t("summaries.visionLabel", { number: item.number });
    const wording = item.agencyText?.value ?? "";
    const teamText = item.teamText ? markdownToPlainText(item.teamText) : "";
    const targets = item.targets.map((target) => ({
      line: `• ${target.text}`,
      meta: `${t("summaries.owner")}: ${target.owner} · ${t("summaries.due")}: ${target.dueDate ? formatDate(summary.lang, target.dueDate) : t("summaries.noDue")}`,
    }));
    // Keep a goal on one page where it fits on one: start a new page rather than split it.
    const height =
      heightOf(label, "Helvetica-Bold", 10) +
      heightOf(wording, "Helvetica-Bold", 13) +
      (teamText
        ? heightOf(t("summaries.teamHeading"), "Helvetica-Bold", 11) + heightOf(teamText, "Helvetica", 11)
        : 0) +
      (targets.length ? heightOf(t("summaries.targetsHeading"), "Helvetica-Bold", 11) : 0) +
      targets.reduce((sum, tg) => sum + heightOf(tg.line, "Helvetica", 11) + heightOf(tg.meta, "Helvetica", 9), 0);
    const bottom = doc.page.height - doc.page.margins.bottom;
    const pageHeight = bottom - doc.page.margins.top;
    if (doc.y + height > bottom && height < pageHeight) doc.addPage();

    doc.moveDown(0.4);
    text(label.toUpperCase(), "Helvetica-Bold", 10, BRAND, 2);
    if (wording) text(wording, "Helvetica-Bold", 13, "#000000", item.agencyText?.isFallback ? 2 : 8);
    if (item.agencyText?.isFallback) {
      text(
        t("content.fallback", { language: t(`content.languageName.${item.agencyText.lang}`) }),
        "Helvetica-Oblique",
        9,
        MUTED,
        8,
      );
    }
    if (teamText) {
      text(t("summaries.teamHeading"), "Helvetica-Bold", 11, BRAND, 3);
      text(teamText, "Helvetica", 11, "#000000", 8);
    }
    if (targets.length) {
      text(t("summaries.targetsHeading"), "Helvetica-Bold", 11, BRAND, 3);
      for (const target of targets) {
        text(target.line, "Helvetica", 11, "#000000", 1);
        text(target.meta, "Helvetica", 9, MUTED, 6);
      }
    }
    doc.moveDown(0.6);
  }

  doc.end();
  return done;
}
