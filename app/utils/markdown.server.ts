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
