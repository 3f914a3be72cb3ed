#!/usr/bin/env node
// `npm run bench:profile`: where a page's server time goes. Starts the built portal (on a fresh
// seeded database, as `npm run bench` does); for each page, warms it up, records a CPU profile of
// the server (the V8 profiler `node --cpu-prof` uses, started after the warm-up so module loading
// stays out) while autocannon loads that one page, and sums the profile's self time by where the
// code comes from (React rendering, Remix, Prisma, SQLite, Express, the app, garbage collection…).
//
// PROFILE_PAGES (comma-separated paths; "/en/onboarding" is requested signed in as the demo
// newcomer), PROFILE_DURATION (seconds, default 8), PAGE_CACHE=off (profile rendering itself).
import { fork } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { prepare } from "../lib/project.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGES = (
  process.env.PROFILE_PAGES ?? "/en,/en/units,/en/values,/fi/units/digital-services-unit,/en/units/chart,/en/onboarding"
).split(",");
const SIGNED_IN = new Set(["/en/onboarding"]);
const duration = Number(process.env.PROFILE_DURATION || 8);

const CATEGORIES = [
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  ["idle", (f) => f.functionName === "(idle)"],
  ["React server rendering", (f) => /node_modules\/react-dom\//.test(f.url)],
  ["Prisma client", (f) => /node_modules\/(@prisma|\.prisma)\/|generated\/prisma/.test(f.url)],
  ["better-sqlite3", (f) => /better-sqlite3/.test(f.url)],
  ["Remix / React Router", (f) => /node_modules\/(@remix-run|react-router|turbo-stream)/.test(f.url)],
  [
    "Express, compression",
    (f) => /node_modules\/(express|compression|send|body-parser|router|finalhandler)/.test(f.url),
  ],
  ["other packages", (f) => /node_modules\//.test(f.url)],
  ["portal code (build/, scripts/)", (f) => /\/build\/index\.js|\/scripts\//.test(f.url)],
  ["Node internals", (f) => f.url.startsWith("node:") || f.url === ""],
  ["other", () => true],
];

function summarise(file) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const categories = new Map();
  const functions = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id).callFrame;
    const [category] = CATEGORIES.find(([, test]) => test(frame));
    categories.set(category, (categories.get(category) ?? 0) + micros);
    if (category === "idle") continue;
    busy += micros;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "")}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  return { categories, functions, busy };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migri-profile-"));
  process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(tmp, "profile.db")}`,
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    PORTAL_MODE: "evaluation",
  };
  delete env.NODE_ENV;
  await prepare({ env, log: (m) => console.error(`profile: ${m.replace(/^start: /, "")}`) });
  console.log(
    `CPU profile per page: ${duration} s at 10 connections; /proc/loadavg ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`,
  );
  const child = fork(path.join(here, "portal-server.mjs"), [], {
    env: { ...env, NODE_ENV: "production", HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  process.on("exit", () => child.kill());
  const reply = (key) =>
    new Promise((resolve) => {
      const listener = (message) => {
        if (message[key] === undefined) return;
        child.off("message", listener);
        resolve(message[key]);
      };
      child.on("message", listener);
    });
  const port = await reply("port");
  const base = `http://127.0.0.1:${port}`;
  for (const page of PAGES) {
    const headers = {};
    if (SIGNED_IN.has(page)) {
      const res = await fetch(`${base}/en/login`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base },
        body: new URLSearchParams({ email: "newcomer@migri.example", password: "migri-demo-2026", redirectTo: "/en" }),
      });
      headers.Cookie = res.headers.getSetCookie()[0].split(";")[0];
    }
    await autocannon({ url: base + page, headers, connections: 10, duration: 3 });
    const started = reply("profiling");
    child.send({ profile: "start" });
    await started;
    const result = await autocannon({ url: base + page, headers, connections: 10, duration });
    const file = path.join(tmp, `${crypto.randomUUID()}.cpuprofile`);
    const stopped = reply("profiled");
    child.send({ profile: "stop", file });
    await stopped;
    if (result.non2xx || result.errors) console.log(`${page}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const { categories, functions, busy } = summarise(file);
    const requests = result.requests.total;
    console.log(
      `\n${page}${headers.Cookie ? " (signed in)" : ""}: ${result.requests.average.toFixed(0)} req/s, busy CPU ${(busy / 1000 / requests).toFixed(2)} ms per request`,
    );
    for (const [name, micros] of [...categories].filter(([n]) => n !== "idle").sort((a, b) => b[1] - a[1])) {
      console.log(
        `  ${name.padEnd(32)} ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${(micros / 1000 / requests).toFixed(3)} ms/req`,
      );
    }
    console.log("  top functions (self time):");
    for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      console.log(`    ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
    }
  }
}

await main();
process.exit(0);
