#!/usr/bin/env node
// `npm run bench:lighthouse -- [BASE_URL]`: Lighthouse (mobile defaults, Debian's Chromium) on the
// read pages of a running portal (default http://127.0.0.1:3000, i.e. `npm start`), three runs per
// page, and the median of each category. Lighthouse is not a dependency (it is large and needs only
// to run outside CI): `npx` fetches the pinned 12.x release, the last line that runs on Node 20.
// LIGHTHOUSE_PAGES (comma-separated paths) and LIGHTHOUSE_RUNS override the defaults.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const LIGHTHOUSE = "lighthouse@12.2.3";
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",") ?? ["/en", "/en/units", "/en/values", "/en/units/chart"];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

const base = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-lighthouse-"));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  console.log(`lighthouse: ${LIGHTHOUSE}, ${RUNS} runs per page against ${base}; loadavg ${loadavg()}`);
  for (const page of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const out = path.join(dir, `report-${i}.json`);
      await promisify(execFile)(
        "npx",
        [
          "--yes",
          LIGHTHOUSE,
          base + page,
          `--chrome-path=${chromium}`,
          "--chrome-flags=--headless=new --no-sandbox",
          `--only-categories=${CATEGORIES.join(",")}`,
          "--output=json",
          `--output-path=${out}`,
          "--quiet",
        ],
        { maxBuffer: 64 * 2 ** 20 },
      );
      runs.push(JSON.parse(fs.readFileSync(out, "utf8")));
    }
    const scores = CATEGORIES.map((c) => `${c} ${Math.round(100 * median(runs.map((r) => r.categories[c].score)))}`);
    const fcp = median(runs.map((r) => r.audits["first-contentful-paint"].numericValue));
    const tbt = median(runs.map((r) => r.audits["total-blocking-time"].numericValue));
    const failing = new Set(
      runs.flatMap((r) =>
        Object.values(r.categories).flatMap((c) =>
          c.auditRefs
            .filter((a) => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1)
            .map((a) => a.id),
        ),
      ),
    );
    console.log(
      `${page.padEnd(16)} ${scores.join(", ")}; FCP ${Math.round(fcp)} ms, TBT ${Math.round(tbt)} ms` +
        (failing.size ? `; below full marks in some run: ${[...failing].join(", ")}` : ""),
    );
  }
  console.log(`lighthouse: loadavg ${loadavg()}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

function loadavg() {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}
