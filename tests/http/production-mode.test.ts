// The portal's mode, as an operator starts it: the real server in a child process on its own copy
// of the seeded database (which has the demo accounts an evaluation start created).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startChildServer } from "../../scripts/lib/child-server.mjs";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function databaseCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-mode-"));
  dirs.push(dir);
  const file = path.join(dir, "portal.db");
  fs.copyFileSync(inject("templateDatabase"), file);
  return file;
}

const signIn = (baseUrl: string, email: string) =>
  fetch(`${baseUrl}/en/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: "migri-demo-2026", redirectTo: "/en" }),
    redirect: "manual",
  });

/** The language switcher, reached under a host name other than localhost. */
const switchLanguage = (baseUrl: string) =>
  fetch(`${baseUrl}/language?to=%2Ffi`, { headers: { Host: "portal.intranet.example" }, redirect: "manual" });

describe("a production start (NODE_ENV=production) on a database with demo accounts", () => {
  it("disables every demo account, says so in the log and the audit log, and sets Secure cookies", async () => {
    const file = databaseCopy();
    const server = await startChildServer({
      env: {
        NODE_ENV: "production",
        PORTAL_MODE: undefined,
        SESSION_SECRET: "production-mode-test-secret",
        PUBLIC_ORIGIN: "https://portal.intranet.example",
        DATABASE_URL: `file:${file}`,
      },
    });
    try {
      const log = server.output();
      expect(log).toMatch(/production mode: disabled 7 demo accounts \(admin@migri\.example, .*\)/);
      expect(log).toContain("Migri onboarding portal (production mode) listening on");
      const refused = await signIn(server.baseUrl, "admin@migri.example");
      expect(refused.status).toBe(401);
      expect(refused.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
      const language = (await switchLanguage(server.baseUrl)).headers.getSetCookie().join("\n");
      expect(language).toMatch(/lang=fi/);
      expect(language).toMatch(/Secure/i);
    } finally {
      server.child.kill("SIGTERM");
      expect(await server.exited).toEqual({ code: 0, signal: null });
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(
        db.prepare(`SELECT count(*) AS n FROM User WHERE email LIKE '%@migri.example' AND disabledAt IS NULL`).get(),
      ).toEqual({ n: 0 });
      const audit = db
        .prepare(`SELECT actorEmail, details FROM AuditEvent WHERE action = 'user.demo_disable' ORDER BY id`)
        .all() as { actorEmail: string; details: string }[];
      expect(audit).toHaveLength(7);
      expect(audit[0].actorEmail).toBe("portal start-up (production mode)");
      expect(audit.map((a) => JSON.parse(a.details).email)).toContain("admin@migri.example");
    } finally {
      db.close();
    }
  }, 120_000);
});

describe("an evaluation start (npm start: PORTAL_MODE=evaluation, NODE_ENV=production)", () => {
  it("says plainly that demo accounts are enabled, and its cookies work over plain http on any host", async () => {
    const server = await startChildServer({
      env: {
        NODE_ENV: "production",
        PORTAL_MODE: "evaluation",
        SESSION_SECRET: "evaluation-mode-test-secret",
        DATABASE_URL: `file:${databaseCopy()}`,
      },
    });
    try {
      expect(server.output()).toContain(
        "Migri onboarding portal (evaluation mode with 7 demo accounts enabled (password in the README): not for production)",
      );
      const language = (await switchLanguage(server.baseUrl)).headers.getSetCookie().join("\n");
      expect(language).toMatch(/lang=fi/);
      expect(language).not.toMatch(/Secure/i);
      const session = await signIn(server.baseUrl, "admin@migri.example");
      expect(session.status).toBe(302);
      const cookie = session.headers.getSetCookie().find((c) => c.startsWith("__session="))!;
      expect(cookie).not.toMatch(/Secure/i);
    } finally {
      server.child.kill("SIGTERM");
      expect(await server.exited).toEqual({ code: 0, signal: null });
    }
  }, 120_000);
});
