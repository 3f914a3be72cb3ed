// Once per PostgreSQL test run: a throwaway PostgreSQL cluster on 127.0.0.1 and a free port, a
// template database migrated with prisma/postgres/migrations through the stock Prisma CLI and
// seeded; each worker then works on its own copy (CREATE DATABASE ... TEMPLATE, in
// vitest-worker-setup.ts). The cluster is stopped and its folder removed at the end.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "../../scripts/lib/pg-cluster.mjs";
import { buildIfStale } from "./vitest-global-setup";

export default async function setup(project: TestProject) {
  const root = project.config.root;
  const cluster = await startPostgresCluster();
  try {
    execFileSync("psql", [cluster.adminUrl, "-qc", 'CREATE DATABASE "template_portal"'], { stdio: "pipe" });
    const env = { ...process.env, DATABASE_URL: cluster.url("template_portal") };
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "pipe" });
    execFileSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: root, env, stdio: "pipe" });
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide("templateDatabase", cluster.url("template_portal"));
  project.provide("databaseProvider", "postgresql");
  project.provide("postgresAdminUrl", cluster.adminUrl);
  await buildIfStale();
  return () => cluster.stop();
}
