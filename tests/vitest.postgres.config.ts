// The same tests on a real PostgreSQL server that the run starts itself
// (tests/support/vitest-global-setup-postgres.ts). Tests of SQLite-only machinery (the FTS5
// migration, the schema-engine stand-in's SQLite side) run in the SQLite pass only.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export const SQLITE_ONLY = ["scripts/prisma-schema-engine.test.ts", "prisma/site-search-migration.test.ts"];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    name: "postgresql",
    exclude: ["**/node_modules/**", ...SQLITE_ONLY],
    // Replaces the SQLite template: mergeConfig would run both.
    globalSetup: ["tests/support/vitest-global-setup-postgres.ts"],
  },
});
