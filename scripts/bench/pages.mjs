#!/usr/bin/env node
// `npm run bench`: page throughput of the built portal against a ceiling.
//
// Builds if stale, migrates and seeds a fresh SQLite file in a temp dir, starts the portal
// (scripts/serve.mjs, production build) in a child process on 127.0.0.1, and measures each page
// with autocannon. In the same run a bare node:http server in another child process serves the
// exact HTML bytes the portal returned for each page: that is the ceiling for this machine, and
// each page is reported as a ratio to it. See scripts/bench/README.md.
//
// BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 10) override the settings,
// e.g. `BENCH_DURATION=2 npm run bench` for a quick smoke run.
import { fork } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { bin, prepare, projectRoot, run } from "../lib/project.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

// Pages are language-prefixed; the unprefixed paths only redirect to these.
const PAGES = ["/en", "/en/units", "/en/units/digital-services-unit"];

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const log = (message) => console.error(`bench: ${message}`);

// ---- cleanup: children and the temp dir go away on every exit path ------------------------------

const children = new Set();
let tmpDir;

function cleanup() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  children.clear();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = undefined;
}
process.on("exit", cleanup);
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

// ---- child processes --------------------------------------------------------------------------

/** Forks a helper under scripts/bench/ and resolves with the port it reports over IPC. */
function startChild(script, { env, message, timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, script), [], { env, stdio: ["ignore", "ignore", "inherit", "ipc"] });
    children.add(child);
    const timer = setTimeout(
      () => fail(new Error(`${script} did not report a port within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    function fail(error) {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(error);
    }
    child.once("error", fail);
    child.once("exit", (code, signal) => fail(new Error(`${script} exited early (code ${code}, signal ${signal})`)));
    child.once("message", (msg) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.once("exit", (code, signal) => {
        if (children.has(child)) {
          console.error(`bench: ${script} died during the run (code ${code}, signal ${signal})`);
          process.exit(1);
        }
      });
      resolve({ child, port: msg.port });
    });
    if (message) child.send(message);
  });
}

/** GET without Accept-Encoding (as autocannon sends it), so the body is the bytes autocannon receives. */
function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${url} timed out`)));
  });
}

async function waitForHealth(base, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await get(`${base}/healthz`);
      if (res.status === 200) return;
      last = `status ${res.status}: ${res.body.toString().slice(0, 200)}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base}/healthz did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/**
 * prepare() rebuilds only when build/ is older than the sources. In a shared working tree build/
 * can also be a development build (`remix dev` writes one) or half-written; neither runs under
 * NODE_ENV=production, so build for production first in that case.
 */
async function ensureProductionBuild(env) {
  const built = path.join(projectRoot, "build", "index.js");
  if (!fs.existsSync(built)) return; // prepare() builds
  const code = fs.readFileSync(built, "utf8");
  const problem = code.length === 0 ? "empty" : code.includes("react/jsx-dev-runtime") ? "a development build" : null;
  if (!problem) return;
  log(`build/index.js is ${problem}; building for production (remix build)…`);
  await run(bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" } });
}

// ---- measuring --------------------------------------------------------------------------------

async function measure(label, url, { duration, connections }) {
  const result = await autocannon({ url, connections, duration });
  const problems = [];
  if (result.errors) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx responses (${JSON.stringify(result.statusCodeStats)})`);
  if (result.mismatches) problems.push(`${result.mismatches} body mismatches`);
  if (!result.requests.total) problems.push("no request completed");
  if (problems.length) throw new Error(`${label} (${url}): ${problems.join("; ")}`);
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

// ---- report -----------------------------------------------------------------------------------

function table(rows) {
  const header = ["target", "req/s", "p50 ms", "p99 ms", "requests", "vs ceiling"];
  const body = rows.map((r) => [
    r.label,
    r.rps.toFixed(1),
    formatMs(r.p50),
    formatMs(r.p99),
    String(r.total),
    r.ratio === undefined ? "" : `${(r.ratio * 100).toFixed(1)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

// autocannon records latencies in whole milliseconds, so 0 means "under 1 ms".
const formatMs = (ms) => (ms === 0 ? "<1" : Number.isInteger(ms) ? String(ms) : ms.toFixed(2));

// ---- main -------------------------------------------------------------------------------------

async function main() {
  const settings = {
    duration: positiveInt("BENCH_DURATION", 10),
    connections: positiveInt("BENCH_CONNECTIONS", 10),
  };
  // Each page's first requests load modules lazily and warm the JIT and SQLite; keep them out.
  const warmup = { duration: Math.min(3, settings.duration), connections: settings.connections };

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-bench-"));
  const baseEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(tmpDir, "bench.db")}`,
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    PORTAL_MODE: "evaluation",
  };
  delete baseEnv.NODE_ENV; // prepare() builds with NODE_ENV=production itself; migrate and seed as `npm start` does
  delete baseEnv.ENABLE_TEST_ROUTES;

  log("preparing (build if stale, migrate, seed a fresh database)…");
  await ensureProductionBuild(baseEnv);
  await prepare({ env: baseEnv, log: (m) => log(m.replace(/^start: /, "")) });

  const portalEnv = { ...baseEnv, NODE_ENV: "production", HOST: "127.0.0.1" };
  delete portalEnv.PORT;
  const portal = await startChild("portal-server.mjs", { env: portalEnv });
  const portalBase = `http://127.0.0.1:${portal.port}`;
  await waitForHealth(portalBase);
  log(`portal up on ${portalBase}`);

  const pages = [];
  for (const pagePath of PAGES) {
    const res = await get(portalBase + pagePath);
    const contentType = res.headers["content-type"] ?? "";
    if (res.status !== 200 || !contentType.startsWith("text/html")) {
      throw new Error(`GET ${pagePath} answered ${res.status} (${contentType}), expected 200 text/html`);
    }
    if (res.headers["content-encoding"])
      throw new Error(`GET ${pagePath} came back ${res.headers["content-encoding"]}-encoded without Accept-Encoding`);
    pages.push({ path: pagePath, contentType, body: res.body.toString("base64"), bytes: res.body.length });
  }

  const ceiling = await startChild("ceiling-server.mjs", { env: { PATH: process.env.PATH }, message: { pages } });
  const ceilingBase = `http://127.0.0.1:${ceiling.port}`;
  for (const page of pages) {
    const res = await get(ceilingBase + page.path);
    if (res.status !== 200 || res.body.toString("base64") !== page.body)
      throw new Error(`ceiling does not serve ${page.path} as fetched`);
  }
  log(`ceiling up on ${ceilingBase}`);
  log(
    `measuring ${pages.length} pages × 2 targets, ${settings.duration} s each (+${warmup.duration} s warm-up), ${settings.connections} connections…`,
  );

  const loadBefore = os.loadavg()[0];
  const rows = [];
  for (const page of pages) {
    const size = `${(page.bytes / 1024).toFixed(1)} KiB`;
    await autocannon({ url: portalBase + page.path, ...warmup });
    const app = await measure(`portal   ${page.path}`, portalBase + page.path, settings);
    log(`${app.label}: ${app.rps.toFixed(1)} req/s`);
    await autocannon({ url: ceilingBase + page.path, ...warmup });
    const top = await measure(`ceiling  ${page.path}`, ceilingBase + page.path, settings);
    log(`${top.label}: ${top.rps.toFixed(1)} req/s`);
    app.ratio = app.rps / top.rps;
    app.label += ` (${size})`;
    top.label += ` (${size})`;
    rows.push(app, top);
  }

  const cpus = os.cpus();
  console.log("");
  console.log(
    `Migri portal page benchmark — ${settings.duration} s per target, ${settings.connections} connections, autocannon ${autocannonVersion()}`,
  );
  console.log(
    `node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  console.log(
    `Load generator, portal and ceiling each run in their own process on this machine; ` +
      `1-min load average before measuring: ${loadBefore.toFixed(2)} (other work competes for the same cores).`,
  );
  console.log(
    "Pages are language-prefixed: /, /units and /units/:slug only redirect to /en, /en/units, /en/units/:slug.",
  );
  console.log("");
  console.log(table(rows));
  console.log("");
  console.log("vs ceiling = portal req/s ÷ req/s of a bare node:http server sending the same HTML bytes.");
}

function autocannonVersion() {
  try {
    const pkg = path.join(here, "..", "..", "node_modules", "autocannon", "package.json");
    return JSON.parse(fs.readFileSync(pkg, "utf8")).version;
  } catch {
    return "?";
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`bench: FAILED: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
