// Prisma CLI configuration. The CLI runs the project's own schema-engine stand-in
// (scripts/prisma-schema-engine.mjs, built on Prisma's WASM engine) instead of downloading a
// native binary, which these machines cannot reach: docs/decisions/0001-prisma-offline-engine.md.
//
// DATABASE_URL picks the provider: a SQLite file uses prisma/schema.prisma and prisma/migrations;
// a PostgreSQL URL uses the schema generated from it, prisma/postgres/schema.prisma, and
// prisma/postgres/migrations (docs/decisions/0015-postgresql-and-two-schemas.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { isPostgresUrl, projectRoot, resolveDatabaseUrl } from "../app/utils/paths.server";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(projectRoot, "scripts", "prisma-schema-engine.mjs");

const postgres = isPostgresUrl(process.env.DATABASE_URL);
const prismaDir = postgres ? path.join(projectRoot, "prisma", "postgres") : path.join(projectRoot, "prisma");

export default defineConfig({
  schema: path.join(prismaDir, "schema.prisma"),
  migrations: {
    path: path.join(prismaDir, "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: resolveDatabaseUrl(),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
  // The site search index is kept by hand-written migrations (SQLite: an FTS5 table and its
  // shadow tables; PostgreSQL: the index, its narrow copy, its terms, their postings and the
  // joined texts); without this Prisma sees it as drift and proposes to drop it
  // (docs/decisions/0005-site-search-fts5.md).
  experimental: { externalTables: true },
  tables: {
    external: postgres
      ? [
          "public.search_index",
          "public.search_match",
          "public.search_term",
          "public.search_posting",
          "public.search_text",
        ]
      : [
          "search_fts",
          "search_fts_data",
          "search_fts_idx",
          "search_fts_content",
          "search_fts_docsize",
          "search_fts_config",
        ],
  },
});
