#!/usr/bin/env node
// `npm run db:copy -- --to postgresql://…` moves an installation from the embedded SQLite database
// to PostgreSQL: every table (users, sessions, content and all revisions, audit log, onboarding,
// summaries and share links), in one transaction on the target:
//   1. migrates the target (prisma/postgres/migrations) and refuses it unless every table is empty;
//   2. reads the source in one read transaction (a consistent snapshot, even while it is served);
//   3. inserts parents before children (and parent units before their sub-units), with the tables'
//      triggers off (search index, content version), then rebuilds the search index once and sets every id sequence past the
//      copied ids;
//   4. compares row counts and a content checksum of every table, source against target, and
//      commits only when all match. Anything else rolls back: the target stays empty.
// --from defaults to DATABASE_URL (a file: URL) or ./data/portal.db.
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { bin, run } from "../lib/project.mjs";
import { sqliteFileOf } from "../lib/migration-lock.mjs";

const require = createRequire(import.meta.url);
const pg = require("pg");

/** Tables that belong to the machinery, not the installation's data. */
const NOT_COPIED = new Set([
  "_prisma_migrations",
  "search_index",
  "search_match",
  "search_term",
  "search_posting",
  "search_text",
]);
/** Tables whose migration writes a row (the one content version row): replaced by the source's. */
const WRITTEN_BY_MIGRATIONS = new Set(["ContentVersion"]);

const q = (name) => `"${name.replace(/"/g, '""')}"`;

/** A value as text both databases agree on: times as ISO UTC, booleans as 1/0. */
export function normalise(value, type) {
  if (value === null || value === undefined) return "\u0000null";
  if (type.startsWith("timestamp")) {
    if (typeof value === "number") return new Date(value).toISOString();
    const text = String(value).replace(" ", "T");
    return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`).toISOString();
  }
  if (type === "boolean") return value === true || value === 1 || value === "1" || value === "t" ? "1" : "0";
  return String(value);
}

/** Count and SHA-256 of a table's rows, independent of row order and database. */
export function checksum(rows, columns) {
  const lines = rows.map((row) => JSON.stringify(columns.map((c) => normalise(row[c.name], c.type)))).sort();
  const hash = crypto.createHash("sha256");
  for (const line of lines) hash.update(line + "\n");
  return { rows: rows.length, sha256: hash.digest("hex") };
}

async function targetTables(client) {
  const { rows: columns } = await client.query(
    `SELECT table_name AS "table", column_name AS name, data_type AS type
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const { rows: fks } = await client.query(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) AS "column"
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const unquote = (name) => name.replace(/^"|"$/g, "");
  const tables = new Map();
  for (const c of columns) {
    if (NOT_COPIED.has(c.table)) continue;
    if (!tables.has(c.table)) tables.set(c.table, { name: c.table, columns: [], parents: new Set(), selfColumn: null });
    tables.get(c.table).columns.push({ name: c.name, type: c.type });
  }
  for (const fk of fks) {
    const child = tables.get(unquote(fk.child));
    if (!child) continue;
    if (unquote(fk.parent) === child.name) child.selfColumn = fk.column;
    else child.parents.add(unquote(fk.parent));
  }
  // Parents first.
  const ordered = [];
  const placed = new Set();
  while (ordered.length < tables.size) {
    const ready = [...tables.values()].filter(
      (t) => !placed.has(t.name) && [...t.parents].every((p) => placed.has(p) || !tables.has(p)),
    );
    if (ready.length === 0) throw new Error("foreign keys between tables form a cycle; cannot order the copy");
    for (const t of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

/** Rows of a self-referencing table, each after the row it points at. */
function parentsFirst(rows, column) {
  if (!column) return rows;
  const ids = new Set(rows.map((r) => r.id));
  const done = new Set();
  const out = [];
  let pending = rows;
  while (pending.length) {
    const next = [];
    for (const r of pending) {
      if (r[column] != null && ids.has(r[column]) && !done.has(r[column])) next.push(r);
      else out.push(r);
    }
    if (next.length === pending.length) throw new Error("rows reference each other in a cycle; cannot order the copy");
    for (let i = out.length - (pending.length - next.length); i < out.length; i++) done.add(out[i].id);
    pending = next;
  }
  return out;
}

async function insertRows(client, table, rows) {
  if (rows.length === 0) return;
  const columns = table.columns.map((c) => c.name);
  const perStatement = Math.max(1, Math.floor(60_000 / columns.length));
  for (let at = 0; at < rows.length; at += perStatement) {
    const batch = rows.slice(at, at + perStatement);
    const params = [];
    const values = batch.map((row) => {
      const placeholders = table.columns.map((c) => {
        let value = row[c.name];
        if (value !== null && value !== undefined && c.type.startsWith("timestamp")) value = normalise(value, c.type);
        if (value !== null && value !== undefined && c.type === "boolean") value = normalise(value, c.type) === "1";
        params.push(value ?? null);
        return `$${params.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await client.query(
      `INSERT INTO ${q(table.name)} (${columns.map(q).join(", ")}) VALUES ${values.join(", ")}`,
      params,
    );
  }
}

/**
 * Copies the SQLite database `from` (a file: URL or path) into the empty PostgreSQL database `to`.
 * Returns per-table counts and checksums; throws (leaving the target empty) on any mismatch.
 */
export async function copySqliteToPostgres({ from, to, log = () => {}, migrate = true }) {
  if (!/^postgres(ql)?:\/\//i.test(to ?? "")) throw new Error("--to must be a postgresql:// URL");
  if (migrate) {
    log("db:copy: migrating the target (prisma migrate deploy)…");
    await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: to }, quiet: true });
  }
  const file = from.startsWith("file:") ? sqliteFileOf(from) : from;
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({
    connectionString: to,
    // Timestamps as written, not converted through the machine's time zone.
    types: { getTypeParser: (oid, format) => (oid === 1114 ? (v) => v : pg.types.getTypeParser(oid, format)) },
  });
  await client.connect();
  const report = [];
  try {
    const tables = await targetTables(client);
    for (const table of tables) {
      if (WRITTEN_BY_MIGRATIONS.has(table.name)) continue;
      const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${q(table.name)}) AS present`);
      if (rows[0].present) {
        throw new Error(
          `the target database is not empty (table ${table.name} has rows); db:copy only fills an empty one`,
        );
      }
    }
    source.exec("BEGIN");
    const data = new Map();
    try {
      const sourceTables = new Set(
        source
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
          .all()
          .map((r) => r.name),
      );
      // Every table of the source has its twin in the target: none is left behind unnoticed.
      const targetNames = new Set(tables.map((t) => t.name));
      const left = [...sourceTables].filter(
        (name) => !/^(sqlite_|search_fts|_prisma_migrations$)/.test(name) && !targetNames.has(name),
      );
      if (left.length) throw new Error(`the target has no table for ${left.join(", ")}: is its schema current?`);
      for (const table of tables) {
        if (!sourceTables.has(table.name)) throw new Error(`the source has no table ${table.name}: migrate it first`);
        const sourceColumns = new Set(
          source
            .prepare(`PRAGMA table_info(${q(table.name)})`)
            .all()
            .map((c) => c.name),
        );
        const missing = table.columns.filter((c) => !sourceColumns.has(c.name)).map((c) => c.name);
        if (missing.length) throw new Error(`the source's ${table.name} lacks ${missing.join(", ")}: migrate it first`);
        data.set(table.name, source.prepare(`SELECT * FROM ${q(table.name)}`).all());
      }
    } finally {
      source.exec("COMMIT");
    }

    await client.query("BEGIN");
    // The copy writes rows as they are: no search index updates per row (rebuilt once below), no
    // content version bumps (the source's version is copied). ALTER TABLE is transactional: a
    // failed copy leaves every trigger on.
    for (const table of tables) await client.query(`ALTER TABLE ${q(table.name)} DISABLE TRIGGER USER`);
    for (const table of WRITTEN_BY_MIGRATIONS) await client.query(`DELETE FROM ${q(table)}`);
    for (const table of tables) {
      const rows = parentsFirst(data.get(table.name), table.selfColumn);
      const started = performance.now();
      await insertRows(client, table, rows);
      log(`db:copy: ${table.name}: ${rows.length} rows (${Math.round(performance.now() - started)} ms)`);
    }
    for (const table of tables) await client.query(`ALTER TABLE ${q(table.name)} ENABLE TRIGGER USER`);
    log("db:copy: rebuilding the search index…");
    await client.query(`SELECT "search_index_rebuild"()`);
    for (const table of tables) {
      if (!table.columns.some((c) => c.name === "id" && c.type === "integer")) continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST(max("id"), 1), max("id") IS NOT NULL) FROM ${q(table.name)}
          WHERE pg_get_serial_sequence($1, 'id') IS NOT NULL`,
        [q(table.name)],
      );
    }
    log("db:copy: verifying row counts and checksums…");
    for (const table of tables) {
      const expected = checksum(data.get(table.name), table.columns);
      const { rows } = await client.query(`SELECT * FROM ${q(table.name)}`);
      const actual = checksum(rows, table.columns);
      if (expected.rows !== actual.rows || expected.sha256 !== actual.sha256) {
        throw new Error(
          `verification failed for ${table.name}: ${expected.rows} rows (${expected.sha256.slice(0, 12)}) in the source, ` +
            `${actual.rows} rows (${actual.sha256.slice(0, 12)}) in the target`,
        );
      }
      report.push({ table: table.name, ...actual });
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    source.close();
  }
  return report;
}

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  const from =
    values.from ?? (process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./data/portal.db");
  if (!values.to) {
    console.error("usage: npm run db:copy -- --to postgresql://user@host:5432/portal [--from file:./data/portal.db]");
    process.exit(2);
  }
  const started = performance.now();
  try {
    const report = await copySqliteToPostgres({ from, to: values.to, log: console.log });
    for (const r of report)
      console.log(`  ${r.table.padEnd(24)} ${String(r.rows).padStart(8)} rows  sha256 ${r.sha256.slice(0, 16)}`);
    console.log(
      `db:copy: done in ${((performance.now() - started) / 1000).toFixed(1)} s: row counts and checksums match. ` +
        "Point DATABASE_URL at the PostgreSQL database and restart the portal.",
    );
  } catch (error) {
    console.error(`db:copy: ${error.message}\nNothing was committed to the target.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
