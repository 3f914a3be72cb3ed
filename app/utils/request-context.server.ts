// The app's side of the request log (scripts/lib/request-log.mjs): the server keeps per-request
// state in an AsyncLocalStorage it shares through globalThis, because the app is bundled apart
// from the server. Outside that server (tests calling loaders, scripts) these do nothing special.
import type { AsyncLocalStorage } from "node:async_hooks";

const CONTEXT = Symbol.for("migri-portal.request-context");
const ERROR_LOGGER = Symbol.for("migri-portal.log-error");

type Store = { id: string; userId: number | null };
const shared = globalThis as unknown as Record<symbol, unknown>;

/** Records who is signed in on this request, for its log line. */
export function noteSignedInUser(userId: number) {
  const store = (shared[CONTEXT] as AsyncLocalStorage<Store> | undefined)?.getStore();
  if (store) store.userId = userId;
}

/** Logs an error once, with its stack, to the server's log (stderr when there is none). */
export function logError(error: unknown) {
  const logger = shared[ERROR_LOGGER] as ((error: unknown) => void) | undefined;
  if (logger) logger(error);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
}
