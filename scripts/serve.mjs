#!/usr/bin/env node
// The portal's HTTP server: Remix behind Express, with the hardening every response needs in one
// place (security headers with a per-response CSP nonce, Origin checks on mutations,
// compression, caching of built assets). `npm start` prepares the database and then runs this.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { portalModeFrom } from "./lib/mode.mjs";
import { allowedOrigins, isCrossSiteMutation, trustProxySetting } from "./lib/origins.mjs";
import { createPageHandler } from "./lib/page-cache.mjs";
import { projectRoot } from "./lib/project.mjs";
import { checkRendering } from "./lib/render-check.mjs";
import { requestLimits } from "./lib/request-limits.mjs";
import { ensureSessionSecret } from "./lib/session-secret.mjs";
import { installRequestLog } from "./lib/request-log.mjs";
import { installGracefulShutdown } from "./lib/shutdown.mjs";

const mode = portalModeFrom(process.env);
process.env.PORTAL_MODE = mode;
const isDev = process.env.NODE_ENV === "development";

// Sign-out at the identity provider (OIDC_LOGOUT=provider) redirects a form post to its origin.
function identityProviderOrigin() {
  try {
    return process.env.OIDC_ISSUER ? ` ${new URL(process.env.OIDC_ISSUER).origin}` : "";
  } catch {
    return "";
  }
}

export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    `form-action 'self'${identityProviderOrigin()}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * @param {{ build: unknown, renderCheck?: () => { ok: boolean, problem?: string } }} options
 *   renderCheck: the latest result of checkRendering(), reported by /healthz
 */
export async function createApp({ build, renderCheck = () => ({ ok: true }) }) {
  const app = express();
  app.disable("x-powered-by");
  installRequestLog(app);
  app.set("trust proxy", trustProxySetting());
  const origins = allowedOrigins({ mode });
  app.use(compression());

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.set({
      "Content-Security-Policy": contentSecurityPolicy(res.locals.cspNonce),
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    });
    if (mode === "production") res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  app.use((req, res, next) => {
    if (!isCrossSiteMutation(req, origins)) return next();
    res
      .status(403)
      .type("html")
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request refused – Migri onboarding portal</title></head>' +
          "<body><main><h1>Request refused</h1><p>This request came from another site and was refused to protect your account. " +
          'Go back to the portal and try again from there.</p><p><a href="/">Front page</a></p></main></body></html>',
      );
  });

  app.use(requestLimits({ getBuild: typeof build === "function" ? build : () => build }));

  app.use("/build", express.static(path.join(projectRoot, "public", "build"), { immutable: true, maxAge: "1y" }));
  // The other public files (favicons) by name: a page URL never costs a look at the disk.
  const publicDir = path.join(projectRoot, "public");
  const publicFiles = new Set(fs.readdirSync(publicDir).filter((name) => name !== "build"));
  const servePublic = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (publicFiles.has(req.path.split("/")[1]) ? servePublic(req, res, next) : next()));

  app.all(
    "*",
    createPageHandler({
      build,
      mode: isDev ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip, renderCheck: renderCheck() }),
    }),
  );
  return app;
}

const BUILD_PATH = path.join(projectRoot, "build", "index.js");

/** The start-up line: says plainly when demo accounts (with the README's password) are enabled. */
export function startupLine(startup, url) {
  const demo = startup?.demoAccounts?.length
    ? `${mode} mode with ${startup.demoAccounts.length} demo accounts enabled (password in the README): not for production`
    : `${mode} mode`;
  return `Migri onboarding portal (${demo}) listening on ${url}`;
}

export async function startServer({
  host = process.env.HOST || "127.0.0.1",
  port = Number(process.env.PORT || 3000),
  handleSignals = false,
} = {}) {
  ensureSessionSecret({ mode });
  const importBuild = () => import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
  let build = await importBuild();
  // Audit triggers, pruning, and no enabled demo account in production (app/models/startup.server.ts).
  const startup = await build.entry.module.prepareForServing?.({ mode });
  const serverMode = isDev ? "development" : "production";
  let rendering = await checkRendering(build, serverMode);
  if (!rendering.ok) console.error(`serve: pages cannot be rendered, /healthz answers 503: ${rendering.problem}`);
  const app = await createApp({ build: isDev ? async () => build : build, renderCheck: () => rendering });
  return new Promise((resolve) => {
    const server = app.listen(port, host, async () => {
      console.log(startupLine(startup, `http://${host}:${server.address().port}`));
      if (handleSignals) installGracefulShutdown(server, { close: () => build.entry.module.closeDatabase?.() });
      if (isDev) {
        const { broadcastDevReady } = await import("@remix-run/node");
        const chokidar = await import("chokidar");
        broadcastDevReady(build);
        chokidar.watch(BUILD_PATH, { ignoreInitial: true }).on("all", async () => {
          build = await importBuild();
          rendering = await checkRendering(build, serverMode);
          broadcastDevReady(build);
        });
      }
      resolve(server);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer({ handleSignals: true }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
