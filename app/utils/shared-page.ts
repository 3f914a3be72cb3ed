// A route's `handle` that marks it a shared page: the same for every signed-out reader, given the
// address, the language preference, the content version and the build, so the server may keep it
// rendered (app/utils/page-cache.server.ts, docs/decisions/0017-fast-read-path.md).
export const sharedPage = { sharedPage: true } as const;

export function isSharedPageHandle(handle: unknown): boolean {
  return typeof handle === "object" && handle !== null && (handle as { sharedPage?: unknown }).sharedPage === true;
}
