// The rendered HTML document, after React and before it is sent.

const DOCUMENT_END = "</body></html>";

/**
 * React writes the loader data's <script> elements (single fetch) after the document's end tag,
 * which HTML does not allow ("Stray start tag script"); browsers move them into <body> anyway.
 * The page is whole here, so put them there ourselves: the same DOM, and valid HTML.
 */
export function placeDataScriptsInBody(html: string): string {
  const end = html.lastIndexOf(DOCUMENT_END);
  if (end === -1 || end + DOCUMENT_END.length === html.length) return html;
  return html.slice(0, end) + html.slice(end + DOCUMENT_END.length) + DOCUMENT_END;
}
