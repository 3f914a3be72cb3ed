// The portal's Remix request handler, with a cache of shared pages in front of it.
//
// A shared page is one every signed-out reader sees the same, given the address, the preferred
// language, the content version and the build (the app marks them: app/utils/page-cache.server.ts,
// exported by the build's entry as `sharedPages`). For a signed-out GET of a document this handler
// asks the app for the content version (one cheap query: it goes up on every content write, in any
// process, and includes today's Helsinki date), and then
// - answers 304 when the browser's copy (If-None-Match) is of this very version, without a new
//   Content-Security-Policy: the browser keeps its stored copy with that copy's nonce;
// - otherwise sends the kept HTML with this response's CSP nonce written into it;
// - renders through Remix only when nothing is kept for this version, and keeps the result if the
//   app marked it shared.
// Signed-in visitors, data requests and every other method go straight to Remix, as before.
// PAGE_CACHE=off turns the cache off (every request renders), e.g. to profile rendering.
// docs/decisions/0017-fast-read-path.md explains the design and its figures.
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/node";
// Express↔Fetch conversions that pass on the body requestLimits() read and checked.
import { remixRequestFrom, sendRemixResponse } from "./request-limits.mjs";

const NOT_KEPT = new Set(["set-cookie", "content-length", "date", "etag", "cache-control", "vary"]);

/** Rendered pages, least recently used first; bounded by count and by bytes. */
export class PageStore {
  constructor({ maxEntries = 500, maxBytes = 32 * 2 ** 20 } = {}) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.entries = new Map();
    this.bytes = 0;
  }
  get(key) {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }
  set(key, entry) {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
    }
  }
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Does an If-None-Match header name this entity tag? */
export function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/** Drop-in for @remix-run/express's createRequestHandler, with the shared-page cache. */
export function createPageHandler({
  build,
  mode,
  getLoadContext,
  store = new PageStore(),
  enabled = process.env.PAGE_CACHE !== "off",
}) {
  const handleRequest = createRequestHandler(build, mode);
  const rendering = new Map(); // ETag → Promise<{ entry } | { response }>: a burst of misses renders once

  async function render(request, context, key, etag, header) {
    const response = await handleRequest(request, context);
    if (response.status !== 200 || response.headers.get(header) !== "1" || response.headers.has("set-cookie")) {
      return { response };
    }
    const html = await response.text();
    const headers = [...response.headers].filter(([name]) => name !== header.toLowerCase() && !NOT_KEPT.has(name));
    // The page was rendered with this response's nonce: cut it out, to write in each response's own.
    const parts = html.split(context.cspNonce);
    const entry = { etag, headers, parts, bytes: html.length * 2 };
    store.set(key, entry);
    return { entry };
  }

  return async (req, res, next) => {
    try {
      const request = remixRequestFrom(req, res);
      const context = await getLoadContext(req, res);
      const current = typeof build === "function" ? await build() : build;
      const shared = enabled ? current.entry.module.sharedPages : undefined;
      const variant = shared && req.method === "GET" && context.cspNonce ? shared.variant(request) : null;
      if (!variant) return await sendRemixResponse(res, await handleRequest(request, context), context);

      let version;
      try {
        version = await shared.version();
      } catch (error) {
        // Without a version nothing kept can be trusted: render, as without the cache.
        console.error(`page cache: content version unavailable, rendering instead: ${error.message}`);
        return await sendRemixResponse(res, await handleRequest(request, context), context);
      }
      const key = `${request.url}\n${variant}`;
      const etag = `"${crypto.createHash("sha256").update(`${current.assets.version}\n${version}\n${key}`).digest("base64url").slice(0, 27)}"`;
      let entry = store.get(key);
      if (entry && entry.etag !== etag) {
        store.delete(key);
        entry = undefined;
      }
      if (!entry) {
        let pending = rendering.get(etag);
        if (!pending) {
          pending = render(request, context, key, etag, shared.header).finally(() => rendering.delete(etag));
          rendering.set(etag, pending);
          const result = await pending;
          if (result.response) return await sendRemixResponse(res, result.response, context);
          entry = result.entry;
        } else {
          // Another request is rendering this page: wait for it, or render our own if it is not shared.
          const result = await pending.catch(() => ({}));
          entry = result.entry;
          if (!entry) return await sendRemixResponse(res, await handleRequest(request, context), context);
        }
      }

      res.set({ ETag: etag, "Cache-Control": "no-cache", Vary: "Cookie, Accept-Language" });
      if (matchesEtag(req.get("If-None-Match"), etag)) {
        // The browser shows its stored copy, whose scripts carry that copy's nonce: a new
        // Content-Security-Policy here would replace the stored one and block them.
        res.removeHeader("Content-Security-Policy");
        return res.status(304).end();
      }
      for (const [name, value] of entry.headers) res.append(name, value);
      res.status(200).send(entry.parts.join(context.cspNonce));
    } catch (error) {
      next(error);
    }
  };
}
