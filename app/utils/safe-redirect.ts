/**
 * A redirect target from user input, kept on this site: only a path starting with one "/"
 * (not "//host" or "/\host", which browsers treat as another site), else the fallback.
 * Characters outside printable ASCII are percent-encoded: a Location header carries bytes, and
 * a raw "ä" or "。" would either be sent as Latin-1 or make the response fail.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  try {
    const encoded = to.replace(/[^\u0021-\u007e]+/gu, (run) => encodeURIComponent(run));
    // What a browser would make of it must still be a path on this site.
    return new URL(encoded, "http://portal.invalid").host === "portal.invalid" ? encoded : fallback;
  } catch {
    // A lone surrogate cannot be encoded: no page has such an address.
    return fallback;
  }
}
