#!/usr/bin/env node
// `npm run db:migration -- --name <what>`: after a change to prisma/schema.prisma, writes the
// migration for both databases under the same folder name:
//   prisma/migrations/<timestamp>_<what>/migration.sql            (SQLite)
//   prisma/postgres/migrations/<timestamp>_<what>/migration.sql   (PostgreSQL)
// It regenerates prisma/postgres/schema.prisma, diffs each provider's migrations against its
// schema (`prisma migrate diff --from-migrations`, replayed on a temporary SQLite file and on a
// throwaway PostgreSQL cluster), and regenerates both clients. Nothing is applied to any database:
// `npm start` (migrate deploy) does that. Hand-written SQL (triggers, search index) goes into the
// written files before committing them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bin, projectRoot, run } from "../lib/project.mjs";
import { startPostgresCluster } from "../lib/pg-cluster.mjs";
import { writePostgresSchema } from "./postgres-schema.mjs";

export const PROVIDERS = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};

/** The SQL that takes a database migrated with `migrations` to `schema`; "" when there is none. */
export async function pendingSql(provider, databaseUrl) {
  const { schema, migrations } = PROVIDERS[provider];
  const output = await run(
    bin("prisma"),
    ["migrate", "diff", "--from-migrations", migrations, "--to-schema", schema, "--script"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, quiet: true },
  );
  const sql = output
    .split("\n")
    .filter((line) => !/^Loaded Prisma config/.test(line))
    .join("\n")
    .trim();
  return /^-- This is an empty migration\.?$/.test(sql) || sql === "" ? "" : sql + "\n";
}

export function timestamp(date = new Date()) {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  const name = (values.name ?? "")
    .trim()
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .toLowerCase();
  if (!name) {
    console.error("usage: npm run db:migration -- --name <what_changed>");
    process.exit(2);
  }
  writePostgresSchema();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migri-migration-"));
  const cluster = await startPostgresCluster();
  try {
    const sql = {
      sqlite: await pendingSql("sqlite", `file:${path.join(tmp, "diff.db")}`),
      postgresql: await pendingSql("postgresql", cluster.url("postgres")),
    };
    const folder = `${timestamp()}_${name}`;
    for (const provider of /** @type {const} */ (["sqlite", "postgresql"])) {
      if (!sql[provider]) {
        console.log(`${provider}: no changes`);
        continue;
      }
      const dir = path.join(projectRoot, PROVIDERS[provider].migrations, folder);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql[provider]);
      console.log(`${provider}: wrote ${path.relative(projectRoot, dir)}/migration.sql`);
    }
  } finally {
    cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  await run(bin("prisma"), ["generate"], { quiet: true });
  await run(bin("prisma"), ["generate", "--schema", PROVIDERS.postgresql.schema], { quiet: true });
  console.log("regenerated both Prisma clients");
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
