// Prisma CLI configuration. The CLI runs the project's own schema-engine stand-in
// (scripts/prisma-schema-engine.mjs, built on Prisma's WASM engine) instead of downloading a
// native binary, which these machines cannot reach: docs/decisions/0001-prisma-offline-engine.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { projectRoot, resolveDatabaseUrl } from "../app/utils/paths.server";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(projectRoot, "scripts", "prisma-schema-engine.mjs");

export default defineConfig({
  schema: path.join(projectRoot, "prisma", "schema.prisma"),
  migrations: {
    path: path.join(projectRoot, "prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: resolveDatabaseUrl(),
  },
  // The site search index is an FTS5 table (and its shadow tables) created by a hand-written
  // migration; without this Prisma sees it as drift and proposes to drop it
  // (docs/decisions/0005-site-search-fts5.md).
  experimental: { externalTables: true },
  tables: {
    external: [
      "search_fts",
      "search_fts_data",
      "search_fts_idx",
      "search_fts_content",
      "search_fts_docsize",
      "search_fts_config",
    ],
  },
});
