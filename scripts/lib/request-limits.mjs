// Request bodies, before the app sees them: only the encoding the portal's forms use, never more
// bytes than the route's form can legitimately be (counted while the body streams in, whatever
// Content-Length says), and a plain refusal page in the language of the URL otherwise. The body
// that passes is handed to Remix as it was read, so the app reads at most that many bytes.
//
// Limits come from the route modules of the server build: a route whose form is known exports
// `bodyLimit`, a function `bodyLimit({ lang })` returning (or resolving to) the limit in bytes,
// derived from its fields' maxima (app/utils/form-limits.server.ts). A function, not a value computed when
// the module loads: the browser bundle keeps a route's top-level calls, and with them zod and the
// schemas; an unused function is dropped. Every other route gets DEFAULT_BODY_LIMIT. See docs/decisions/0010-request-limits-and-form-parsing.md.
import { writeReadableStreamToWritable } from "@remix-run/node";

/** Routes without a known form: a few short fields (sign-out, acknowledgements). */
export const DEFAULT_BODY_LIMIT = 8 * 1024;

/** After refusing a body, read (and drop) at most this much more before closing the connection. */
const DRAIN_LIMIT = 1024 * 1024;

export const FORM_ENCODING = "application/x-www-form-urlencoded";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The full URL pattern of every route with an action, and its body limit, most specific first. */
export function actionRoutes(build) {
  const routes = Object.values(build.routes);
  const byId = new Map(routes.map((r) => [r.id, r]));
  const fullPath = (route) => {
    const parts = [];
    for (let r = route; r; r = r.parentId ? byId.get(r.parentId) : undefined) if (r.path) parts.unshift(r.path);
    return parts.join("/");
  };
  return routes
    .filter((r) => typeof r.module?.action === "function")
    .map((r) => {
      const path = fullPath(r);
      const segments = path.split("/").filter(Boolean);
      const source = segments
        .map((s) => (s === "*" ? ".*" : s.startsWith(":") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/");
      return {
        id: r.id,
        path: `/${path}`,
        index: Boolean(r.index),
        pattern: new RegExp(`^/${source}/?$`, r.caseSensitive ? "" : "i"),
        bodyLimit: r.module.bodyLimit,
        specificity: segments.filter((s) => !s.startsWith(":") && s !== "*").length * 10 + segments.length,
      };
    })
    .sort((a, b) => b.specificity - a.specificity);
}

/** The route whose action answers a POST to this path, if any. */
export function actionRouteFor(routes, pathname, search = "") {
  const wantsIndex = new URLSearchParams(search).has("index");
  const matches = routes.filter((r) => r.pattern.test(pathname));
  return matches.find((r) => r.index === wantsIndex) ?? matches[0];
}

/** The body limit of a request to this path: what its action's route declares, else the default. */
export async function bodyLimitFor(routes, pathname, search = "") {
  // With JavaScript, Remix posts a form to the page's address plus ".data" ("/_root.data" for "/").
  const page = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  const declared = actionRouteFor(routes, page, search)?.bodyLimit;
  const limit = typeof declared === "function" ? await declared({ lang: pathname.split("/")[1] }) : declared;
  return Number.isSafeInteger(limit) && limit > 0 ? limit : DEFAULT_BODY_LIMIT;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FALLBACK_TEXTS = {
  tooLarge: ["Request too large", "What you sent is larger than this page accepts ({limit})."],
  unsupported: ["Request not accepted", "This address accepts only the portal's own forms."],
  empty: ["Empty request", "The request contained no form."],
};

/** A plain page for a refused request, in the language of the URL's prefix (English otherwise). */
export function refusalPage(build, pathname, kind, limit) {
  const first = pathname.split("/")[1];
  const page = build?.entry?.module?.refusalTexts?.(first, kind);
  const lang = page?.lang ?? "en";
  const [title, text] = page ? [page.title, page.text] : FALLBACK_TEXTS[kind];
  const home = page?.home ?? "Front page";
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>` +
    `<p>${escapeHtml(text.replace("{limit}", `${Math.ceil(limit / 1024)} KB`))}</p>` +
    `<p><a href="/${page ? lang : ""}">${escapeHtml(home)}</a></p></main></body></html>`
  );
}

/**
 * Express middleware: checks the encoding and size of a request body and reads it into
 * `req.portalBody`. `getBuild` returns the current server build (it changes in development).
 */
export function requestLimits({ getBuild }) {
  let cachedBuild;
  let routes = [];
  const routesOf = (build) => {
    if (build !== cachedBuild) {
      cachedBuild = build;
      routes = actionRoutes(build);
    }
    return routes;
  };

  return async (req, res, next) => {
    if (!BODY_METHODS.has(req.method)) return next();
    const build = await getBuild();
    const url = new URL(req.originalUrl, "http://portal.invalid");
    let limit;
    try {
      limit = await bodyLimitFor(routesOf(build), url.pathname, url.search);
    } catch (error) {
      return next(error);
    }
    const refuse = (status, kind) => {
      res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      // A refused body is not read to its end: the connection closes after the answer.
      res.set("Connection", "close");
      res.send(refusalPage(build, url.pathname, kind, limit));
      let drained = 0;
      req.on("data", (chunk) => {
        drained += chunk.length;
        if (drained > DRAIN_LIMIT) req.destroy();
      });
      req.resume();
    };

    const declared = req.headers["content-length"];
    const chunked = /\bchunked\b/i.test(req.headers["transfer-encoding"] ?? "");
    const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (!chunked && (declared === undefined || declared === "0") && !type) return refuse(400, "empty");
    if (type !== FORM_ENCODING) return refuse(415, "unsupported");
    if (declared !== undefined && Number(declared) > limit) return refuse(413, "tooLarge");

    const chunks = [];
    let size = 0;
    let refused = false;
    const onData = (chunk) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        cleanup();
        refuse(413, "tooLarge");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (refused) return;
      req.portalBody = Buffer.concat(chunks, size);
      next();
    };
    const onError = (error) => {
      cleanup();
      // A client that went away gets no answer; anything else is the server's error.
      if (!refused && !req.socket.destroyed) next(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

/**
 * Remix behind Express, like @remix-run/express, but the request body is the one `requestLimits`
 * read (never the raw stream), and signed-in pages are marked private.
 */
/**
 * The Fetch Request Remix gets for an Express request: the body is the one requestLimits() already
 * read and checked (never read again from the socket); aborted when the client goes away.
 */
export function remixRequestFrom(req, res) {
  const controller = new AbortController();
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") init.body = req.portalBody ?? new Uint8Array(0);
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(requestUrl(req), init);
}

/** Sends Remix's response; pages of a signed-in user are theirs alone, so no cache keeps them. */
export async function sendRemixResponse(res, response, loadContext) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (loadContext?.signedIn) res.set("Cache-Control", "private, no-store");
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function requestUrl(req) {
  // As @remix-run/express: req.hostname honours `trust proxy`; the port is the one the client used.
  const port = [req.get("X-Forwarded-Host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find((n) => Number.isSafeInteger(n));
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
}
