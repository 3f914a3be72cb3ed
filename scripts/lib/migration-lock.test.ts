// `npm start` migrates and seeds under a lock: two processes preparing one new database at the same
// time (two instances deployed together) apply the migrations and seed once; the other waits and
// finds nothing to do. On this run's database kind: a PostgreSQL database on the test cluster, or
// a SQLite file.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "~/utils/paths.server";
import { pendingSqliteMigrations } from "./migration-lock.mjs";

const onPostgres = inject("databaseProvider") === "postgresql";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migri-lock-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function emptyDatabase(name: string): Promise<string> {
  if (!onPostgres) return `file:${path.join(tmp, `${name}.db`)}`;
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(inject("postgresAdminUrl")!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `prepare()` of scripts/lib/project.mjs (what npm start runs before serving), in its own process. */
function prepareInChild(databaseUrl: string): Promise<{ code: number; output: string }> {
  const script = `import { prepare } from ${JSON.stringify(path.join(projectRoot, "scripts/lib/project.mjs"))};
    await prepare({ build: false });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORTAL_MODE: "evaluation" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

describe("npm start's migrate and seed", () => {
  it("run once when two processes start on one new database together", { timeout: 240_000 }, async () => {
    const url = await emptyDatabase(`lock_${process.pid}`);
    const [a, b] = await Promise.all([prepareInChild(url), prepareInChild(url)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const outputs = [a.output, b.output];
    // One applied the migrations and seeded everything ...
    const seededAll = outputs.filter((o) => /seed: done, [1-9]\d* rows added/.test(o));
    expect(seededAll).toHaveLength(1);
    expect(seededAll[0]).toMatch(/applied|Applying migration/i);
    // ... the other waited for it, then found no pending migration and nothing to seed.
    const other = outputs.find((o) => o !== seededAll[0])!;
    expect(other).toContain("another process");
    expect(other).toMatch(/no pending migrations/i);
    expect(other).toContain("seed: done, nothing to add");
  });
});

describe.runIf(!onPostgres)("the migrations npm start still has to apply to a SQLite file", () => {
  it("are every one for a new file, none for a migrated one, and those missing from its history", async () => {
    const folders = fs
      .readdirSync(path.join(projectRoot, "prisma", "migrations"))
      .filter((name) => fs.existsSync(path.join(projectRoot, "prisma", "migrations", name, "migration.sql")))
      .sort();
    expect(folders.length).toBeGreaterThan(5);
    expect(pendingSqliteMigrations(`file:${path.join(tmp, "new.db")}`)).toEqual(folders);
    expect(pendingSqliteMigrations(process.env.DATABASE_URL)).toEqual([]);
    const copy = path.join(tmp, "copy.db");
    const { default: Database } = await import("better-sqlite3");
    const source = new Database(process.env.DATABASE_URL!.slice("file:".length), { readonly: true });
    await source.backup(copy);
    source.close();
    const db = new Database(copy);
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(folders.at(-1));
    db.prepare("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ?").run(folders[0]);
    db.close();
    expect(pendingSqliteMigrations(`file:${copy}`)).toEqual([folders[0], folders.at(-1)]);
    expect(pendingSqliteMigrations("postgresql://portal@db.internal/portal")).toBeNull();
  });
});
