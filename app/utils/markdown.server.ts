// Markdown written by editors, rendered for readers. micromark with its safe defaults: raw HTML
// in the source is escaped (never passed through) and only http(s), mailto and relative link
// targets survive, so no script, event handler or javascript: link can reach a page.
import { micromark } from "micromark";

export function renderMarkdown(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: false, allowDangerousProtocol: false });
}
