// Before any test module loads the Prisma client: point DATABASE_URL at this worker's own copy
// of the migrated, seeded template database (a SQLite file copy, or a PostgreSQL database made
// from the template database).
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const template = inject("templateDatabase");
const worker = `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}`;
if (inject("databaseProvider") === "postgresql") {
  const name = worker.replace(/-/g, "_");
  const url = new URL(template);
  url.pathname = `/${name}`;
  if (process.env.DATABASE_URL !== url.toString()) {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: inject("postgresAdminUrl") });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "template_portal"`);
    } finally {
      await admin.end();
    }
  }
  process.env.DATABASE_URL = url.toString();
} else {
  const workerDb = path.join(path.dirname(template), `${worker}.db`);
  if (!fs.existsSync(workerDb)) fs.copyFileSync(template, workerDb);
  process.env.DATABASE_URL = `file:${workerDb}`;
}
process.env.SESSION_SECRET ??= "vitest-only-session-secret";
// The request log (scripts/lib/request-log.mjs) stays quiet in tests that do not read it.
process.env.LOG_LEVEL ??= "silent";
