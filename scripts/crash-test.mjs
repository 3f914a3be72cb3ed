#!/usr/bin/env node
// Crash safety, end to end: the real built server on a fresh copy of a migrated, seeded SQLite
// database takes concurrent unit-page saves, acknowledgements and sign-ins; it is killed with
// SIGKILL at a random moment; then it is started again, and every write that got a success
// response must be in the database, which must pass PRAGMA integrity_check.
//
//   node scripts/crash-test.mjs --template path/to/seeded.db [--rounds 3]
//
// tests/http/crash-safety.test.ts runs it on the test run's template database.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { startChildServer } from "./lib/child-server.mjs";

const PASSWORD = "migri-demo-2026";
const SAVER = "hr@migri.example";
const READERS = ["newcomer@migri.example", "newcomer2@migri.example", "manager@migri.example", "editor@migri.example"];
const SIGNERS = ["manager2@migri.example", "admin@migri.example"];
const DOCUMENTS = ["values", "goals", "strategy"];
const LANGS = ["fi", "sv", "en"];
const UNITS_SAVED_AT_ONCE = 4;

class Browser {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookie = "";
  }
  async post(pathname, fields) {
    const response = await fetch(this.baseUrl + pathname, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: this.cookie ? { Cookie: this.cookie } : {},
      redirect: "manual",
    });
    await response.arrayBuffer(); // the whole answer: only then does it count as a success
    const session = response.headers.getSetCookie().find((c) => c.startsWith("__session="));
    if (session) this.cookie = session.split(";")[0];
    return response;
  }
}

const sessionToken = (cookie) => {
  const value = decodeURIComponent(cookie.slice("__session=".length));
  return JSON.parse(Buffer.from(value.split(".")[0], "base64").toString("utf8")).sessionId;
};

/** One round: load, SIGKILL, restart, check. Returns what was checked. */
export async function crashRound({ template, log = () => {}, killAfterMs }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-crash-"));
  const file = path.join(dir, "portal.db");
  fs.copyFileSync(template, file);
  const env = {
    DATABASE_URL: `file:${file}`,
    PORTAL_MODE: "evaluation",
    NODE_ENV: "production",
    SESSION_SECRET: "crash-test-session-secret",
  };
  try {
    const seeded = new Database(file, { readonly: true });
    const units = seeded
      .prepare(
        `SELECT u.id, u.slug, u.version AS sharedVersion, t.version AS textVersion, t.name, t.summary, t.description,
                t.duties, u.contactEmail, u.location, u.head, u.needsReview
           FROM Unit u JOIN UnitText t ON t.unitId = u.id AND t.lang = 'en' ORDER BY u.id LIMIT ?`,
      )
      .all(UNITS_SAVED_AT_ONCE);
    seeded.close();

    const server = await startChildServer({ env });
    const acknowledged = { saves: [], acknowledgements: [], signIns: [] };
    let stop = false;
    const run = async (work) => {
      while (!stop) {
        try {
          await work();
        } catch {
          return; // the server is gone
        }
      }
    };

    const saver = new Browser(server.baseUrl);
    if ((await saver.post("/en/login", { email: SAVER, password: PASSWORD, redirectTo: "/en" })).status !== 302) {
      throw new Error("the editor could not sign in");
    }
    const readers = await Promise.all(
      READERS.map(async (email) => {
        const browser = new Browser(server.baseUrl);
        await browser.post("/en/login", { email, password: PASSWORD, redirectTo: "/en" });
        return { email, browser };
      }),
    );

    const saveLoop = (unit) => {
      let textVersion = unit.textVersion;
      let n = 0;
      return run(async () => {
        const marker = `crash-${crypto.randomBytes(4).toString("hex")}-${++n}`;
        const response = await saver.post(`/en/units/${unit.slug}/edit`, {
          name: unit.name,
          summary: unit.summary,
          description: `${unit.description}\n\n${marker}`,
          duties: JSON.parse(unit.duties).join("\n"),
          contactEmail: unit.contactEmail ?? "",
          location: unit.location ?? "",
          head: unit.head ?? "",
          ...(unit.needsReview ? { needsReview: "on" } : {}),
          textVersion: String(textVersion),
          sharedVersion: String(unit.sharedVersion),
          changeNote: marker,
          intent: "save",
        });
        if (response.status === 302 && /saved=1/.test(response.headers.get("Location") ?? "")) {
          textVersion += 1;
          acknowledged.saves.push({ unitId: unit.id, version: textVersion, marker });
        } else if (response.status >= 500) {
          throw new Error(`a save answered ${response.status}`);
        }
      });
    };
    const acknowledgeLoop = ({ email, browser }) => {
      let i = 0;
      return run(async () => {
        const document = DOCUMENTS[i % DOCUMENTS.length];
        const lang = LANGS[Math.floor(i / DOCUMENTS.length) % LANGS.length];
        i += 1;
        const response = await browser.post(`/${lang}/${document}`, { intent: "acknowledge" });
        if (response.status === 302) acknowledged.acknowledgements.push({ email, document, lang });
      });
    };
    const signInLoop = (email) =>
      run(async () => {
        const browser = new Browser(server.baseUrl);
        const response = await browser.post("/en/login", { email, password: PASSWORD, redirectTo: "/en" });
        if (response.status === 302) acknowledged.signIns.push({ email, token: sessionToken(browser.cookie) });
      });

    const load = Promise.all([...units.map(saveLoop), ...readers.map(acknowledgeLoop), ...SIGNERS.map(signInLoop)]);
    // Kill while writes are flowing: once each kind has succeeded (a cold server on a busy machine
    // takes a while), then after a random further delay.
    const flowing = Date.now();
    while (
      !(acknowledged.saves.length && acknowledged.acknowledgements.length && acknowledged.signIns.length) &&
      Date.now() - flowing < 60_000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    server.child.kill("SIGKILL");
    await server.exited;
    stop = true;
    await load;

    // Start again on the same file: recovery, then every acknowledged write must be there.
    const again = await startChildServer({ env });
    const health = await fetch(`${again.baseUrl}/healthz`);
    const db = new Database(file, { readonly: true });
    const missing = [];
    try {
      const revision = db.prepare(
        `SELECT data FROM Revision WHERE entityType = 'unit' AND entityId = ? AND scope = 'en' AND version = ?`,
      );
      for (const save of acknowledged.saves) {
        const row = revision.get(save.unitId, save.version);
        if (!row || !String(row.data).includes(save.marker)) missing.push(`save ${save.marker}`);
      }
      const ack = db.prepare(
        `SELECT count(*) AS n FROM Acknowledgement a JOIN User u ON u.id = a.userId WHERE u.email = ? AND a.document = ? AND a.lang = ?`,
      );
      for (const a of acknowledged.acknowledgements) {
        if (ack.get(a.email, a.document, a.lang).n === 0) missing.push(`acknowledgement ${JSON.stringify(a)}`);
      }
      const session = db.prepare(`SELECT count(*) AS n FROM Session WHERE id = ?`);
      const signInAudit = db.prepare(
        `SELECT count(*) AS n FROM AuditEvent WHERE action = 'auth.sign_in' AND actorEmail = ?`,
      );
      for (const s of acknowledged.signIns) {
        const hash = crypto.createHash("sha256").update(s.token).digest("hex");
        if (session.get(hash).n === 0) missing.push(`session of ${s.email}`);
      }
      for (const email of SIGNERS) {
        const successes = acknowledged.signIns.filter((s) => s.email === email).length;
        if (signInAudit.get(email).n < successes) missing.push(`sign-in audit rows of ${email}`);
      }
      const integrity = db.pragma("integrity_check", { simple: true });
      const journal = db.pragma("journal_mode", { simple: true });
      const result = {
        killAfterMs,
        saves: acknowledged.saves.length,
        acknowledgements: acknowledged.acknowledgements.length,
        signIns: acknowledged.signIns.length,
        writesChecked: acknowledged.saves.length + acknowledged.acknowledgements.length + acknowledged.signIns.length,
        missing,
        integrity,
        journal,
        healthAfterRestart: health.status,
      };
      log(
        `crash round: killed ${killAfterMs} ms after writes were flowing; ${result.writesChecked} acknowledged writes checked ` +
          `(${result.saves} saves, ${result.acknowledgements} acknowledgements, ${result.signIns} sign-ins); ` +
          `missing ${missing.length}; integrity_check ${integrity}`,
      );
      return result;
    } finally {
      db.close();
      again.child.kill("SIGTERM");
      await again.exited;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCrashTest({ template, rounds = 3, log = console.log, minKillMs = 0, maxKillMs = 2000 }) {
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const killAfterMs = minKillMs + Math.floor(Math.random() * (maxKillMs - minKillMs));
    results.push(await crashRound({ template, log, killAfterMs }));
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const template = arg("template");
  if (!template) {
    console.error("usage: node scripts/crash-test.mjs --template path/to/seeded.db [--rounds 3]");
    process.exit(2);
  }
  const results = await runCrashTest({ template, rounds: Number(arg("rounds") ?? 3) });
  const failed = results.filter((r) => r.missing.length || r.integrity !== "ok");
  process.exit(failed.length ? 1 : 0);
}
