// Once per test run: a template database migrated with the project's own migrations through the
// stock Prisma CLI and seeded; each worker then works on its own copy (vitest-worker-setup.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const root = project.config.root;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-test-"));
  const template = path.join(dir, "template.db");
  const env = { ...process.env, DATABASE_URL: `file:${template}` };
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "pipe" });
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: root, env, stdio: "pipe" });
  project.provide("templateDatabase", template);
  project.provide("databaseProvider", "sqlite");
  await buildIfStale();
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** The HTTP tests (tests/http) serve the real server build. */
export async function buildIfStale() {
  const { buildProblem, buildForProduction } = await import("../../scripts/lib/project.mjs");
  if (buildProblem()) await buildForProduction({ quiet: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** SQLite: the template file; PostgreSQL: the template database's URL. */
    templateDatabase: string;
    databaseProvider: "sqlite" | "postgresql";
    /** PostgreSQL: a URL of the test cluster's maintenance database. */
    postgresAdminUrl?: string;
  }
}
