// The browser tests' server: the built app on a fresh SQLite file, migrated and seeded exactly
// as `npm start` does, on 127.0.0.1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepare } from "../../scripts/lib/project.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-e2e-"));
process.env.DATABASE_URL = `file:${path.join(dir, "portal.db")}`;
process.env.SESSION_SECRET ||= "e2e-only-session-secret-not-used-anywhere-else";
process.env.PORTAL_MODE = "evaluation";
process.env.PORT = process.env.E2E_PORT || "3100";
process.env.HOST = "127.0.0.1";
process.env.ENABLE_TEST_ROUTES = "1";

const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

await prepare({ log: () => {} });
process.env.NODE_ENV = "production";
const { startServer } = await import("../../scripts/serve.mjs");
await startServer();
