// The site search index (FTS5 tables made by a hand-written migration) must not look like drift
// to Prisma: through the stock CLI, the migrations and schema.prisma describe the same database.
// Read-only (`migrate diff`), on a temporary SQLite file: the repo's migrations are never touched.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "~/utils/paths.server";

const PRISMA_CLI = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migri-drift-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function prisma(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: `file:${path.join(tmp, "drift.db")}`, ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

const diff = [
  "migrate",
  "diff",
  "--from-migrations",
  "prisma/migrations",
  "--to-schema",
  "prisma/schema.prisma",
  "--exit-code",
];

describe("site search migration and Prisma", () => {
  it("reports no drift: migrate dev would create no migration", async () => {
    const { code, output } = await prisma(diff);
    expect(output).toContain("No difference detected");
    expect(code).toBe(0);
  }, 120_000);

  it("would see the index as drift without the external tables in .config/prisma.ts (the config matters)", async () => {
    const config = path.join(tmp, "prisma.config.mjs");
    fs.writeFileSync(
      config,
      `export default ${JSON.stringify({
        schema: path.join(projectRoot, "prisma", "schema.prisma"),
        migrations: { path: path.join(projectRoot, "prisma", "migrations") },
        datasource: { url: `file:${path.join(tmp, "control.db")}` },
      })};\n`,
    );
    const { code, output } = await prisma([...diff, "--config", config], {
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(projectRoot, "scripts", "prisma-schema-engine.mjs"),
    });
    expect(output).toContain("search_fts");
    expect(code).toBe(2);
  }, 120_000);
});
