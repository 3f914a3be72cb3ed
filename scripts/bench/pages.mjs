#!/usr/bin/env node
// `npm run bench`: each portal page's throughput as a share of an empty Remix page, in one run.
//
// Builds if stale, migrates and seeds a fresh SQLite file in a temp dir, and starts two servers in
// child processes on 127.0.0.1: the portal (scripts/serve.mjs, production build) and the empty
// Remix app of scripts/bench/empty-app (built from the project's own node_modules, served by the
// same Express stack). Rounds alternate between the empty page and the portal's pages; each
// target's figures are the median of its rounds. See scripts/bench/README.md.
//
// BENCH_DURATION (seconds per round, default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
// (default 10), BENCH_ONLY (comma-separated labels), BENCH_MEMORY_SECONDS (default 0: after the table, load every page at
// BENCH_MEMORY_CONNECTIONS, default 50, for that long and report the portal's peak RSS).
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

// Read pages, signed out. Pages are language-prefixed; the unprefixed paths only redirect to these.
const READ_PAGES = ["/en", "/en/units", "/en/values", "/fi/units/digital-services-unit", "/en/units/chart"];
const SIGNED_IN = { path: "/en/onboarding", email: "newcomer@migri.example", password: "migri-demo-2026" };
// The repeat visit: a browser revalidating its stored copy of this page.
const REPEAT_PAGE = "/en/units";

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
function startChild(script, { env, message, execArgv = [], timeoutMs = 60_000 }) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, script), [], { env, execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
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

/** One request without Accept-Encoding (as autocannon sends it), so the body is what autocannon receives. */
function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.end(body);
  });
}
const get = (url, headers) => request(url, { headers });

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

/** One autocannon round; fails the run on errors or on any status other than the expected one. */
async function round(target, { duration, connections }) {
  const result = await autocannon({ url: target.url, headers: target.headers, connections, duration });
  const problems = [];
  if (result.errors) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  const statuses = Object.keys(result.statusCodeStats ?? {}).map(Number);
  if (statuses.some((s) => s !== target.status))
    problems.push(`statuses ${JSON.stringify(result.statusCodeStats)}, expected only ${target.status}`);
  if (!result.requests.total) problems.push("no request completed");
  if (problems.length) throw new Error(`${target.label} (${target.url}): ${problems.join("; ")}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Peak resident memory of a child process, sampled from /proc once a second while `work` runs. */
async function peakRss(pid, work) {
  const read = () => {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  };
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), 1000);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return { peak: Math.max(peak, read()), end: read() };
}

// ---- report -----------------------------------------------------------------------------------

function table(rows) {
  const header = ["target", "req/s", "p50 ms", "p99 ms", "share of empty"];
  const body = rows.map((r) => [
    r.label,
    r.rps.toFixed(0),
    formatMs(r.p50),
    formatMs(r.p99),
    r.share === undefined ? "" : `${(r.share * 100).toFixed(0)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

// autocannon records latencies in whole milliseconds, so 0 means "under 1 ms".
const formatMs = (ms) => (ms === 0 ? "<1" : Number.isInteger(ms) ? String(ms) : ms.toFixed(1));
const loadavg = () => fs.readFileSync("/proc/loadavg", "utf8").trim();

// ---- main -------------------------------------------------------------------------------------

async function signIn(base) {
  const form = new URLSearchParams({ email: SIGNED_IN.email, password: SIGNED_IN.password, redirectTo: "/en" });
  const res = await request(`${base}/en/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: form.toString(),
  });
  const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("__session="));
  if (res.status !== 302 || !cookie) throw new Error(`signing in as ${SIGNED_IN.email} answered ${res.status}`);
  return cookie.split(";")[0];
}

async function main() {
  const settings = {
    duration: positiveInt("BENCH_DURATION", 5),
    connections: positiveInt("BENCH_CONNECTIONS", 10),
  };
  const rounds = positiveInt("BENCH_ROUNDS", 3);
  const memorySeconds = Number(process.env.BENCH_MEMORY_SECONDS || 0);
  const memoryConnections = positiveInt("BENCH_MEMORY_CONNECTIONS", 50);
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",").map((s) => s.trim()) : null;
  // Each target's first requests load modules lazily and warm the JIT and SQLite; keep them out.
  const warmup = { duration: Math.min(2, settings.duration), connections: settings.connections };

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-bench-"));
  const baseEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(tmpDir, "bench.db")}`,
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    PORTAL_MODE: "evaluation",
  };
  delete baseEnv.NODE_ENV; // prepare() builds with NODE_ENV=production itself; migrate and seed as `npm start` does
  delete baseEnv.ENABLE_TEST_ROUTES;

  log("preparing (build if stale, migrate, seed a fresh database, build the empty app)…");
  await ensureProductionBuild(baseEnv);
  await prepare({ env: baseEnv, log: (m) => log(m.replace(/^start: /, "")) });
  await run(bin("remix"), ["build"], {
    env: { ...baseEnv, NODE_ENV: "production" },
    cwd: path.join(here, "empty-app"),
    quiet: true,
  });

  const serverEnv = { ...baseEnv, NODE_ENV: "production", HOST: "127.0.0.1" };
  delete serverEnv.PORT;
  // BENCH_PORTAL_NODE_ARGS: extra node options for the portal only, e.g. "--max-old-space-size=96".
  const portalArgs = process.env.BENCH_PORTAL_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const portal = await startChild("portal-server.mjs", { env: serverEnv, execArgv: portalArgs });
  const portalBase = `http://127.0.0.1:${portal.port}`;
  await waitForHealth(portalBase);
  const empty = await startChild("empty-server.mjs", { env: serverEnv });
  const emptyBase = `http://127.0.0.1:${empty.port}`;
  log(`portal on ${portalBase}, empty Remix app on ${emptyBase}`);

  const cookie = await signIn(portalBase);
  const targets = [{ label: "empty Remix page  /", url: `${emptyBase}/`, status: 200, empty: true }];
  for (const page of READ_PAGES) targets.push({ label: `${page}`, url: portalBase + page, status: 200 });
  targets.push({
    label: `${SIGNED_IN.path}  signed in`,
    url: portalBase + SIGNED_IN.path,
    headers: { Cookie: cookie },
    status: 200,
  });
  const first = await get(portalBase + REPEAT_PAGE);
  if (first.headers.etag) {
    targets.push({
      label: `${REPEAT_PAGE}  repeat, If-None-Match`,
      url: portalBase + REPEAT_PAGE,
      headers: { "If-None-Match": first.headers.etag },
      status: 304,
    });
  } else {
    log(`${REPEAT_PAGE} sends no ETag: the repeat visit is a full 200`);
    targets.push({
      label: `${REPEAT_PAGE}  repeat (no ETag: 200)`,
      url: portalBase + REPEAT_PAGE,
      headers: { "If-None-Match": '"none"' },
      status: 200,
    });
  }
  const measured = targets.filter((t) => t.empty || !only || only.some((o) => t.label.includes(o)));

  for (const target of measured) {
    const res = await get(target.url, target.headers);
    if (res.status !== target.status)
      throw new Error(`${target.label} answered ${res.status}, expected ${target.status}`);
    if (target.headers?.Cookie && !res.body.toString().includes("/logout"))
      throw new Error(`${target.label} does not look signed in (no sign-out form)`);
    target.bytes = res.body.length;
    target.samples = [];
    await autocannon({ url: target.url, headers: target.headers, ...warmup });
  }

  const loadBefore = loadavg();
  log(`load average before measuring: ${loadBefore}`);
  log(
    `measuring ${measured.length} targets × ${rounds} rounds of ${settings.duration} s, ${settings.connections} connections…`,
  );
  // Alternate: the empty page is measured again after every three portal targets.
  const [baseline, ...pages] = measured;
  for (let r = 1; r <= rounds; r++) {
    for (let i = 0; i < pages.length; i++) {
      if (i % 3 === 0) baseline.samples.push(await round(baseline, settings));
      pages[i].samples.push(await round(pages[i], settings));
    }
    log(`round ${r}/${rounds} done (load ${loadavg()})`);
  }
  const loadAfter = loadavg();

  const rows = measured.map((t) => ({
    label: `${t.label} (${(t.bytes / 1024).toFixed(1)} KiB)`,
    rps: median(t.samples.map((s) => s.rps)),
    p50: median(t.samples.map((s) => s.p50)),
    p99: median(t.samples.map((s) => s.p99)),
  }));
  for (const row of rows.slice(1)) row.share = row.rps / rows[0].rps;

  let memory;
  if (memorySeconds > 0) {
    log(`memory: ${memorySeconds} s at ${memoryConnections} connections over every measured target…`);
    const requests = measured
      .filter((t) => !t.empty)
      .map((t) => ({ path: new URL(t.url).pathname, headers: t.headers }));
    const load = autocannon({ url: portalBase, requests, connections: memoryConnections, duration: memorySeconds });
    memory = await peakRss(portal.child.pid, load);
    const result = await load;
    memory.rps = result.requests.average;
    memory.errors = result.errors;
  }

  const cpus = os.cpus();
  console.log("");
  console.log(
    `Migri portal page benchmark — ${rounds} rounds × ${settings.duration} s per target (medians), ${settings.connections} connections, autocannon ${autocannonVersion()}`,
  );
  console.log(
    `node ${process.version}, ${os.platform()} ${os.release()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  console.log(`/proc/loadavg before: ${loadBefore}; after: ${loadAfter}`);
  console.log("");
  console.log(table(rows));
  console.log("");
  console.log(
    "share of empty = page req/s ÷ req/s of the empty Remix app (same Express stack, same node_modules), medians of the same run.",
  );
  if (memory) {
    console.log(
      `memory: portal RSS peak ${(memory.peak / 2 ** 20).toFixed(0)} MiB, ${(memory.end / 2 ** 20).toFixed(0)} MiB at the end ` +
        `(${memorySeconds} s at ${memoryConnections} connections over every measured target, ${memory.rps.toFixed(0)} req/s, ${memory.errors} errors)`,
    );
  }
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
