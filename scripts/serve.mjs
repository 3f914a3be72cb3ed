#!/usr/bin/env node
// The portal's HTTP server: Remix behind Express, with the hardening every response needs in one
// place (security headers with a per-response CSP nonce, Origin checks on mutations,
// compression, caching of built assets). `npm start` prepares the database and then runs this.
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { projectRoot } from "./lib/project.mjs";
import { ensureSessionSecret } from "./lib/session-secret.mjs";
import { installRequestLog } from "./lib/request-log.mjs";

const mode = process.env.PORTAL_MODE ?? (process.env.NODE_ENV === "production" ? "production" : "evaluation");
process.env.PORTAL_MODE = mode;
const isDev = process.env.NODE_ENV === "development";

/** Refuse state-changing requests sent from another site (CSRF), whatever the page shows. */
export function isCrossSiteMutation(req) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return false;
  const origin = req.get("origin");
  if (origin) {
    try {
      return new URL(origin).host !== req.get("host");
    } catch {
      return true;
    }
  }
  // No Origin (older browsers, curl): fall back to Fetch Metadata where the browser sends it.
  const site = req.get("sec-fetch-site");
  return site === "cross-site";
}

export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export async function createApp({ build }) {
  const app = express();
  app.disable("x-powered-by");
  installRequestLog(app);
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
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
    if (!isCrossSiteMutation(req)) return next();
    res
      .status(403)
      .type("html")
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request refused – Migri onboarding portal</title></head>' +
          "<body><main><h1>Request refused</h1><p>This request came from another site and was refused to protect your account. " +
          'Go back to the portal and try again from there.</p><p><a href="/">Front page</a></p></main></body></html>',
      );
  });

  app.use("/build", express.static(path.join(projectRoot, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(projectRoot, "public"), { maxAge: "1h", index: false }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: isDev ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }),
    }),
  );
  return app;
}

const BUILD_PATH = path.join(projectRoot, "build", "index.js");

export async function startServer({
  host = process.env.HOST || "127.0.0.1",
  port = Number(process.env.PORT || 3000),
} = {}) {
  ensureSessionSecret({ mode });
  const importBuild = () => import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
  let build = await importBuild();
  const app = await createApp({ build: isDev ? async () => build : build });
  return new Promise((resolve) => {
    const server = app.listen(port, host, async () => {
      console.log(`Migri onboarding portal (${mode} mode) listening on http://${host}:${server.address().port}`);
      if (isDev) {
        const { broadcastDevReady } = await import("@remix-run/node");
        const chokidar = await import("chokidar");
        broadcastDevReady(build);
        chokidar.watch(BUILD_PATH, { ignoreInitial: true }).on("all", async () => {
          build = await importBuild();
          broadcastDevReady(build);
        });
      }
      resolve(server);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
