// Before any test module loads the Prisma client: point DATABASE_URL at this worker's own copy
// of the migrated, seeded template database.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const template = inject("templateDatabase");
const workerDb = path.join(path.dirname(template), `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}.db`);
if (!fs.existsSync(workerDb)) fs.copyFileSync(template, workerDb);
process.env.DATABASE_URL = `file:${workerDb}`;
process.env.SESSION_SECRET ??= "vitest-only-session-secret";
