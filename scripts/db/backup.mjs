#!/usr/bin/env node
// Backups while the portal keeps serving, and restores into an empty database.
//   npm run backup [-- --to FILE]   SQLite: VACUUM INTO (one read transaction: a consistent copy
//                                   while writers go on), then PRAGMA integrity_check on the copy.
//                                   PostgreSQL: pg_dump --format=custom (one snapshot).
//                                   Default FILE: ./backups/portal-<UTC date and time>.db|.dump
//   npm run restore -- FILE         into DATABASE_URL, which must be empty (a missing or empty
//                                   SQLite file; a PostgreSQL database without tables). SQLite:
//                                   checked, then moved into place in one rename. PostgreSQL:
//                                   pg_restore --single-transaction --exit-on-error: all or nothing.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { projectRoot } from "../lib/project.mjs";
import { sqliteFileOf } from "../lib/migration-lock.mjs";
import { findPostgresBin } from "../lib/pg-cluster.mjs";

const exec = promisify(execFile);
const isPostgresUrl = (url) => typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);

/** libpq does not know Prisma's `schema` parameter; the tools get the URL without it. */
export function libpqUrl(url) {
  const parsed = new URL(url);
  parsed.searchParams.delete("schema");
  return parsed.toString();
}

const tool = (name) => {
  const dir = findPostgresBin();
  return dir && fs.existsSync(path.join(dir, name)) ? path.join(dir, name) : name;
};

export function defaultBackupFile(databaseUrl, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(projectRoot, "backups", `portal-${stamp}${isPostgresUrl(databaseUrl) ? ".dump" : ".db"}`);
}

function sqliteIntegrity(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity check of ${file} failed: ${result}`);
  } finally {
    db.close();
  }
}

/** Writes a consistent backup of the database to `file`; returns the file. */
export async function backup({ databaseUrl = process.env.DATABASE_URL || "file:./data/portal.db", file } = {}) {
  file = path.resolve(file ?? defaultBackupFile(databaseUrl));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`${file} exists already; backups never overwrite`);
  if (isPostgresUrl(databaseUrl)) {
    await exec(tool("pg_dump"), ["--format=custom", "--no-owner", `--file=${file}`, libpqUrl(databaseUrl)]);
  } else {
    const db = new Database(sqliteFileOf(databaseUrl), { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 10000");
      db.prepare("VACUUM INTO ?").run(file);
    } finally {
      db.close();
    }
    sqliteIntegrity(file);
  }
  return file;
}

async function postgresIsEmpty(url) {
  const { stdout } = await exec(tool("psql"), [
    libpqUrl(url),
    "-Atc",
    "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
  ]);
  return Number(stdout.trim()) === 0;
}

/** Restores `file` into the empty database named by `databaseUrl`. */
export async function restore({ databaseUrl = process.env.DATABASE_URL || "file:./data/portal.db", file }) {
  if (!file || !fs.existsSync(file)) throw new Error(`no backup file ${file ?? "given"}`);
  if (isPostgresUrl(databaseUrl)) {
    if (!(await postgresIsEmpty(databaseUrl))) {
      throw new Error("the target database is not empty; restore only into an empty database");
    }
    await exec(tool("pg_restore"), [
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      `--dbname=${libpqUrl(databaseUrl)}`,
      file,
    ]);
    return;
  }
  const target = sqliteFileOf(databaseUrl);
  if (fs.existsSync(target) && fs.statSync(target).size > 0) {
    throw new Error(`${target} exists and is not empty; restore only into a new database file`);
  }
  sqliteIntegrity(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.copyFileSync(file, partial);
  fs.renameSync(partial, target);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  try {
    if (command === "backup") {
      const at = args.indexOf("--to");
      const file = await backup({ file: at === -1 ? args[0] : args[at + 1] });
      console.log(`backup: wrote ${file} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB) in ${seconds()} s`);
    } else if (command === "restore") {
      await restore({ file: args[0] });
      console.log(`restore: restored ${args[0]} in ${seconds()} s`);
    } else {
      console.error("usage: npm run backup [-- --to FILE] | npm run restore -- FILE");
      process.exit(2);
    }
  } catch (error) {
    console.error(`${command}: ${error.stderr || error.message}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
