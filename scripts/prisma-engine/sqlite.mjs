// SQLite side of the stand-in: the better-sqlite3 driver adapter, patched for gaps 1 and 2 of
// docs/decisions/0001-prisma-offline-engine.md, plus what the native engine does with the database file itself (create, drop,
// truncate on reset: gap 3).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { log } from "./log.mjs";

const require = createRequire(import.meta.url);

/** The engine's own DDL for the history table (the native SQLite connector's, verbatim). */
export const SQLITE_MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

export function isSqliteUrl(url) {
  return typeof url === "string" && (url.startsWith("file:") || url.startsWith("sqlite:"));
}

/**
 * Absolute file path of a SQLite URL (query string dropped), or ":memory:".
 * A relative path is resolved against `cwd`, as the native engine does.
 */
export function sqliteFilePath(url, cwd = process.cwd()) {
  const file = String(url)
    .replace(/^(file|sqlite):(\/\/(?=\/))?/, "")
    .replace(/\?.*$/, "");
  if (file === "" || file === ":memory:") return ":memory:";
  return path.resolve(cwd, file);
}

// better-sqlite3 prepares one statement at a time and throws this (a plain RangeError, which the
// binder files as "External error id#N") for a script with several.
const MULTI_STATEMENT = /contains more than one statement/i;
const MISSING_MIGRATIONS_TABLE = /no such table:\s*"?_prisma_migrations"?/i;

function errorText(error) {
  return [error?.message, error?.cause?.originalMessage, error?.cause?.message].filter(Boolean).join(" ");
}

/**
 * Patch one better-sqlite3 adapter instance (before it is bound, so the binder wraps the patched
 * methods). Own properties shadow the class methods; `this` stays the real adapter.
 */
export function patchSqliteAdapter(adapter, { onMissingMigrationsTable, trace = log } = {}) {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);

  // Gap 1: the 7.10 WASM engine reads `_prisma_migrations` without checking that it exists and
  // turns "no such table" into P1014. No table means no history: answer with no rows, and let
  // the caller know so it can report `hasMigrationsTable: false`.
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (/_prisma_migrations/.test(query.sql) && MISSING_MIGRATIONS_TABLE.test(errorText(error))) {
        trace("INFO", "No _prisma_migrations table yet: reading it as an empty history.");
        onMissingMigrationsTable?.();
        return { columnNames: [], columnTypes: [], rows: [] };
      }
      throw error;
    }
  };

  // Gap 2: the shadow database replays a whole migration.sql in one executeRaw; better-sqlite3
  // rejects multi-statement SQL. A parameterless script runs fine as executeScript (db.exec).
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if ((query.args?.length ?? 0) === 0 && MULTI_STATEMENT.test(errorText(error))) {
        trace("INFO", "Multi-statement SQL: running it as a script (executeScript).");
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

/**
 * The WASM engine connects to the main database as soon as it is created, even for commands that
 * never use it (`migrate diff --from-empty`); the native engine connects on first use. Opening the
 * file eagerly fails when its folder does not exist yet, so the main connection opens lazily.
 */
export function lazyAdapter(open, { provider, adapterName }) {
  let pending = null;
  const real = () => (pending ??= open());
  return {
    provider,
    adapterName,
    queryRaw: async (query) => (await real()).queryRaw(query),
    executeRaw: async (query) => (await real()).executeRaw(query),
    executeScript: async (script) => (await real()).executeScript(script),
    startTransaction: async (isolationLevel) => (await real()).startTransaction(isolationLevel),
    dispose: async () => {
      const adapter = pending && (await pending.catch(() => null));
      pending = null;
      await adapter?.dispose();
    },
  };
}

/**
 * A migration-aware better-sqlite3 adapter factory with the patches applied, that keeps track of
 * its open connections so that `reset` can close them before truncating the file.
 */
export async function createSqliteFactory({ url, shadowDatabaseUrl, cwd, state }) {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const file = sqliteFilePath(url, cwd);
  const shadowFile = shadowDatabaseUrl ? sqliteFilePath(shadowDatabaseUrl, cwd) : ":memory:";
  if (file !== ":memory:" && shadowFile === file) {
    throw new Error("The shadow database URL must not point at the main database: the shadow database is wiped.");
  }
  const inner = new PrismaBetterSqlite3(
    { url: file === ":memory:" ? ":memory:" : `file:${file}` },
    { shadowDatabaseUrl: shadowFile === ":memory:" ? ":memory:" : `file:${shadowFile}` },
  );
  const open = new Set();
  const track = (adapter) => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      return dispose();
    };
    return adapter;
  };
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    file,
    async connect() {
      const onMissingMigrationsTable = () => (state.missingMigrationsTable = true);
      const open = async () => patchSqliteAdapter(await inner.connect(), { onMissingMigrationsTable });
      return track(lazyAdapter(open, { provider: "sqlite", adapterName: inner.adapterName }));
    },
    async connectToShadowDb() {
      return track(patchSqliteAdapter(await inner.connectToShadowDb()));
    },
    /** Close every connection this factory opened (the engine is about to be replaced). */
    async closeAll() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

function openDatabase(file, options) {
  const Database = require("better-sqlite3");
  return new Database(file, options);
}

export function migrationsTableExists(file) {
  if (file === ":memory:" || !fs.existsSync(file)) return false;
  const db = openDatabase(file, { readonly: true });
  try {
    return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  } finally {
    db.close();
  }
}

/** Gap 1, baselining: create the history table with the engine's DDL if it is missing. */
export function ensureMigrationsTable(file) {
  const db = openDatabase(file);
  try {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!exists) db.exec(SQLITE_MIGRATIONS_TABLE_DDL);
    return !exists;
  } finally {
    db.close();
  }
}

/** Gap 3: what the native engine does for a SQLite reset: an empty file, no journal left. */
export function truncateSqliteFile(file) {
  if (file === ":memory:") return;
  if (fs.existsSync(file)) fs.truncateSync(file, 0);
  for (const suffix of ["-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

// One-shot `cli` commands, answered the way the native engine answers them for SQLite.

export function sqliteCanConnect(url, cwd) {
  const file = sqliteFilePath(url, cwd);
  if (file !== ":memory:" && !fs.existsSync(file)) {
    const error = new Error(`Database \`${path.basename(file)}\` does not exist at \`${file}\`.`);
    error.code = "P1003";
    throw error;
  }
}

export function sqliteCreateDatabase(url, cwd) {
  const file = sqliteFilePath(url, cwd);
  if (file === ":memory:") return path.basename(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  openDatabase(file).close();
  return path.basename(file);
}

export function sqliteDropDatabase(url, cwd) {
  const file = sqliteFilePath(url, cwd);
  if (file === ":memory:") return;
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
