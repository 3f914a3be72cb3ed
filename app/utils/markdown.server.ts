// Markdown written by editors, rendered for readers. micromark with its safe defaults: raw HTML
// in the source is escaped (never passed through) and only http(s), mailto and relative link
// targets survive, so no script, event handler or javascript: link can reach a page.
import { micromark } from "micromark";

export function renderMarkdown(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: false, allowDangerousProtocol: false });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/**
 * Markdown as plain text, read from the sanitised HTML so it agrees with what the page shows:
 * paragraphs and list items on their own lines, list items with a bullet, links with their
 * address (print) or as their text only (search snippets).
 */
export function markdownToPlainText(markdown: string, options: { linkAddresses?: boolean } = {}): string {
  const { linkAddresses = true } = options;
  const html = renderMarkdown(markdown);
  return decodeEntities(
    html
      .replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (_, href: string, text: string) => {
        const label = text.replace(/<[^>]+>/g, "");
        return !linkAddresses || decodeEntities(label) === decodeEntities(href) ? label : `${label} (${href})`;
      })
      // micromark puts a newline after block tags: drop it, then break lines where blocks end.
      .replace(/(<\/(?:p|li|h[1-6]|blockquote|pre|ul|ol)>|<(?:ul|ol|li|blockquote)>)\n/g, "$1")
      .replace(/<li>/g, "• ")
      .replace(/<br\s*\/?>\n?/g, "\n")
      .replace(/<\/li>/g, "\n")
      .replace(/<\/(p|h[1-6]|blockquote|pre|ul|ol)>/g, "\n\n")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Characters and line starts that make Markdown syntax; a block with none of them is its own
// plain text (micromark would return it unchanged, bar whitespace).
const INLINE_SYNTAX = /[\\`*_[\]<>&!]/;
const BLOCK_SYNTAX = /^(?: {4}|\t| {0,3}(?:[#>=~]|[-+*]|\d{1,9}[.)]))/m;
// A link reference definition applies to every block, so blocks cannot be rendered one at a time.
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

/**
 * The plain text of the first block of `markdown` (paragraph, list, heading…: text between blank
 * lines) that `wanted` accepts, both as source and as plain text, and whether it is the text's
 * first block; null when none is. Only blocks starting within `within` characters are looked at.
 * A search snippet needs one block, and rendering every hit's whole text cost more than the
 * search itself: here only a block with Markdown syntax in it is rendered, and only that block.
 */
export function plainTextOfFirstBlock(
  markdown: string,
  wanted: (text: string) => boolean,
  { within = 4_000 }: { within?: number } = {},
): { text: string; isFirst: boolean } | null {
  if (REFERENCE_DEFINITION.test(markdown)) {
    const whole = markdownToPlainText(markdown.slice(0, within), { linkAddresses: false });
    return whole !== "" && wanted(whole) ? { text: whole, isFirst: true } : null;
  }
  let offset = 0;
  let isFirst = true;
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    if (offset > within) break;
    offset += block.length + 2;
    if (block.trim() === "") continue;
    if (wanted(block)) {
      const text =
        INLINE_SYNTAX.test(block) || BLOCK_SYNTAX.test(block)
          ? markdownToPlainText(block, { linkAddresses: false })
          : block.trim();
      if (text !== "" && wanted(text)) return { text, isFirst };
    }
    isFirst = false;
  }
  return null;
}
