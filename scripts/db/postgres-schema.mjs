#!/usr/bin/env node
// prisma/schema.prisma is the one description of the data model. Prisma binds a schema (and the
// client generated from it) to one provider, so the PostgreSQL schema is generated from it:
//   node scripts/db/postgres-schema.mjs          writes prisma/postgres/schema.prisma
//   node scripts/db/postgres-schema.mjs --check  exits 1 when that file is stale
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../lib/project.mjs";

export const SOURCE_SCHEMA = path.join(projectRoot, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(projectRoot, "prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/db/postgres-schema.mjs: do not edit.\n" +
  "// Change prisma/schema.prisma, then run `npm run db:migration -- --name <what>`.\n\n";

/** The PostgreSQL schema for a SQLite schema text: same models, another provider and client. */
export function postgresSchemaFrom(source) {
  const replace = (text, pattern, replacement, what) => {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: cannot find the ${what} to rewrite`);
    return text.replace(pattern, replacement);
  };
  let schema = replace(
    source,
    /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    "sqlite provider",
  );
  schema = replace(
    schema,
    /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/app\/generated\/prisma"/,
    '$1"../../app/generated/prisma-pg"',
    "client output",
  );
  return HEADER + schema;
}

export function generatedPostgresSchema() {
  return postgresSchemaFrom(fs.readFileSync(SOURCE_SCHEMA, "utf8"));
}

export function postgresSchemaIsCurrent() {
  return fs.existsSync(POSTGRES_SCHEMA) && fs.readFileSync(POSTGRES_SCHEMA, "utf8") === generatedPostgresSchema();
}

export function writePostgresSchema() {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, generatedPostgresSchema());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--check")) {
    if (!postgresSchemaIsCurrent()) {
      console.error("prisma/postgres/schema.prisma is stale: run node scripts/db/postgres-schema.mjs");
      process.exit(1);
    }
  } else {
    writePostgresSchema();
    console.log(`wrote ${path.relative(projectRoot, POSTGRES_SCHEMA)}`);
  }
}
