// The tests that touch the database, once more on a real PostgreSQL server that the run starts
// itself (tests/support/vitest-global-setup-postgres.ts). Not here, because they do not depend on
// the database or test SQLite's own machinery, and CI time is counted: pure unit tests (i18n,
// utils, date rules), the SQLite connection and FTS5 migration, the schema-engine stand-in, the
// server's own limits, logs, shutdown, crash and start-up tests, abuse.test.ts (159 hostile
// requests against every form, refused by the server's limits and validation), the bundle-size
// and HTML-validity tests. A new test file that touches the database belongs in POSTGRES_TESTS.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export const POSTGRES_TESTS = [
  // models and loaders
  "app/models/content-version.server.test.ts",
  "app/models/directory.server.test.ts",
  "app/models/login-throttle.server.test.ts",
  "app/models/mail.server.test.ts",
  "app/models/onboarding.server.test.ts",
  "app/models/organisation-editing.server.test.ts",
  "app/models/reminders.server.test.ts",
  "app/models/search.server.test.ts",
  "app/models/summary.server.test.ts",
  "app/models/unit-editing.server.test.ts",
  "app/models/unit.server.test.ts",
  "app/routes/editing.test.ts",
  "app/routes/loaders.test.ts",
  // the schema, seed, migrations and operations on PostgreSQL
  "prisma/seed.test.ts",
  "prisma/two-schemas.test.ts",
  "scripts/db/backup.test.ts",
  "scripts/db/copy.test.ts",
  "scripts/lib/migration-lock.test.ts",
  // HTTP, against the built server on PostgreSQL
  "tests/http/accounts-hardening.test.ts",
  "tests/http/admin.test.ts",
  "tests/http/content-care.test.ts",
  "tests/http/goal-summaries.test.ts",
  "tests/http/newcomer-home.test.ts",
  "tests/http/onboarding.test.ts",
  "tests/http/read-path.test.ts",
  "tests/http/read-path-processes.test.ts",
  "tests/http/request-limits.test.ts",
  "tests/http/sign-in.test.ts",
  "tests/http/sso.test.ts",
  "tests/http/two-processes.test.ts",
];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    name: "postgresql",
    include: POSTGRES_TESTS,
    // Two files at a time even on 2 cores: these tests mostly wait on the server processes and
    // the database (measured on 2 cores: 3.1 min against 4.2 min with vitest's default of one).
    maxWorkers: 2,
    // Replaces the SQLite template: mergeConfig would run both.
    globalSetup: ["tests/support/vitest-global-setup-postgres.ts"],
  },
});
