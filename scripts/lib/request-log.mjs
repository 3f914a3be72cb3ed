// One structured JSON line per request on stdout (pino), for an operator's log collector:
//   {"level":30,"time":"…","reqId":"…","method":"GET","path":"/en/units","status":200,"durationMs":12.3,"userId":4,"msg":"request"}
// The request id is also sent to the client as X-Request-Id, so a user's report can be matched to
// its line. Never logged: query strings (sign-in callbacks carry codes there), form bodies,
// cookies or session ids, passwords, share tokens (/summaries/shared/<token>) and calendar
// subscription tokens (/onboarding/calendar/<token>.ics) are redacted.
// An error that reaches Remix's handleError is logged once, with its stack and the request id,
// to this log only (never to the response). LOG_LEVEL: fatal, error, warn, info (default),
// debug, trace or silent.
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import pino from "pino";

// Shared with the app bundle (app/utils/request-context.server.ts) through globalThis: the app
// is bundled separately and cannot import this module.
const CONTEXT = Symbol.for("migri-portal.request-context");
const ERROR_LOGGER = Symbol.for("migri-portal.log-error");

/** Per-request state: the request id and, once the app has resolved it, the signed-in user's id. */
export const requestContext = (globalThis[CONTEXT] ??= new AsyncLocalStorage());

/**
 * @param {{ level?: string, destination?: import("pino").DestinationStream }} [options]
 */
export function createLogger({ level = process.env.LOG_LEVEL || "info", destination = undefined } = {}) {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: were a caller ever to log these, they would not be written.
      redact: { paths: ["password", "cookie", "sessionId", "token", "headers.cookie", "body"], censor: "[redacted]" },
    },
    destination,
  );
}

// Paths whose next segment is a secret: a summary's share link, a calendar subscription.
const SECRET_SEGMENT = /(\/(?:summaries\/shared|onboarding\/calendar)\/)[^/]+/gi;

/** The path alone: no query string or fragment; share and calendar tokens replaced. */
export function loggablePath(url) {
  let path = String(url ?? "/").split(/[?#]/)[0];
  path = path.replace(SECRET_SEGMENT, "$1[redacted]");
  return path.length > 300 ? `${path.slice(0, 300)}…` : path;
}

/** Installs the request log as the first middleware of an Express app. */
export function installRequestLog(app, { logger = createLogger() } = {}) {
  globalThis[ERROR_LOGGER] = (error) => {
    const store = requestContext.getStore();
    logger.error(
      { reqId: store?.id, err: { type: error?.name, message: error?.message, stack: error?.stack } },
      "request failed",
    );
  };
  app.use((req, res, next) => {
    const store = { id: crypto.randomUUID(), userId: null };
    const started = process.hrtime.bigint();
    res.setHeader("X-Request-Id", store.id);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const line = {
        reqId: store.id,
        method: req.method,
        path: loggablePath(req.originalUrl),
        status: res.writableFinished ? res.statusCode : 499,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      };
      if (store.userId != null) line.userId = store.userId;
      logger.info(line, "request");
    };
    res.on("finish", done);
    res.on("close", done);
    requestContext.run(store, next);
  });
  return logger;
}
