// One process at a time migrates and seeds a database. Two portal processes started together
// (a deploy of two instances, a restart of both) must not both apply a migration or both seed.
// PostgreSQL: a session-level advisory lock held on its own connection for the whole of
// migrate + seed; the other process waits for it, then finds nothing pending. SQLite: a lock
// file next to the database, created exclusively, holding the owner's process id (a lock left by
// a process that no longer runs is taken over).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// The repository's root, as project.mjs has it (project.mjs imports this module, so not from there).
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Any fixed 64-bit number; the same in every process of every version of the portal. */
export const MIGRATION_LOCK_KEY = 7_316_150_123_456_789n;

const isPostgresUrl = (url) => typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);

export function sqliteFileOf(url = "file:./data/portal.db") {
  const file = url.slice("file:".length).replace(/\?.*$/, "");
  return path.isAbsolute(file) ? file : path.resolve(projectRoot, file);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

async function withFileLock(file, fn, { log, timeoutMs }) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(file, "utf8").trim() || 0);
      if (owner && !processIsAlive(owner)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (!announced) log(`start: another process (pid ${owner}) is migrating this database; waiting…`);
      announced = true;
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting for the migration lock ${file}`, { cause: error });
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function withAdvisoryLock(url, fn, { log }) {
  const require = createRequire(import.meta.url);
  const pg = require("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY.toString()]);
    if (!rows[0].locked) {
      log("start: another process is migrating this database; waiting…");
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
    return await fn();
  } finally {
    // Ending the session releases the lock even if the unlock itself fails.
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Runs fn while holding the database's migration lock. */
export function withMigrationLock(databaseUrl, fn, { log = console.log, timeoutMs = 10 * 60_000 } = {}) {
  if (isPostgresUrl(databaseUrl)) return withAdvisoryLock(databaseUrl, fn, { log });
  return withFileLock(`${sqliteFileOf(databaseUrl || undefined)}.migrate-lock`, fn, { log, timeoutMs });
}

/**
 * On SQLite, the migrations of prisma/migrations not yet applied to the file (every one for a new
 * file); null on PostgreSQL, where `prisma migrate deploy` runs beside serving processes. Prisma's
 * engine takes a SQLite file for itself (`PRAGMA locking_mode=EXCLUSIVE`) and fails while another
 * process has it open: a process restarted beside one that serves must not call it for nothing.
 */
export function pendingSqliteMigrations(databaseUrl) {
  if (isPostgresUrl(databaseUrl)) return null;
  const dir = path.join(projectRoot, "prisma", "migrations");
  const all = fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
    .sort();
  const file = sqliteFileOf(databaseUrl || undefined);
  if (!fs.existsSync(file)) return all;
  const Database = createRequire(import.meta.url)("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const history = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
    if (!history.get()) return all;
    const applied = new Set(
      db
        .prepare(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .pluck()
        .all(),
    );
    return all.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}
