/**
 * A redirect target from user input, kept on this site: only a path starting with one "/"
 * (not "//host" or "/\host", which browsers treat as another site), else the fallback.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Control characters (a newline, a tab) in a Location header can split or bend it.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}
