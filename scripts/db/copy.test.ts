// db:copy moves a SQLite installation, with everything people made in it, into an empty
// PostgreSQL database on the test cluster, and refuses a database that is not empty.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { searchSite } from "~/models/search.server";
import { createPrismaClient } from "~/utils/db.server";
import { projectRoot } from "~/utils/paths.server";
import { copySqliteToPostgres } from "./copy.mjs";

const onPostgres = inject("databaseProvider") === "postgresql";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migri-copy-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function databaseOnCluster(name: string) {
  const url = new URL(inject("postgresAdminUrl")!);
  url.pathname = `/${name}`;
  execFileSync("psql", [inject("postgresAdminUrl")!, "-qc", `CREATE DATABASE "${name}"`]);
  return url.toString();
}

describe.runIf(onPostgres)("npm run db:copy", () => {
  it(
    "copies every table, rebuilds the search index, sets the sequences, and verifies",
    { timeout: 240_000 },
    async () => {
      // A SQLite installation as npm start leaves it, then used: a session, a summary shared by link,
      // audit events, onboarding progress and revisions (the seed adds the last two).
      const file = path.join(tmp, "portal.db");
      const env = { ...process.env, DATABASE_URL: `file:${file}` };
      execFileSync(path.join(projectRoot, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
        cwd: projectRoot,
        env,
        stdio: "pipe",
      });
      execFileSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["prisma/seed.ts"], {
        cwd: projectRoot,
        env,
        stdio: "pipe",
      });
      const sqlite = createPrismaClient(`file:${file}`);
      const manager = await sqlite.user.findUniqueOrThrow({ where: { email: "manager@migri.example" } });
      await sqlite.session.create({
        data: { id: "copied-session", userId: manager.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      const summary = await sqlite.teamSummary.create({
        data: {
          authorId: manager.id,
          title: "Tiimin tavoitteet – ä ö å",
          lang: "fi",
          status: "published",
          shareLinks: { create: { token: "copied-share-token" } },
        },
      });
      await sqlite.auditEvent.create({ data: { action: "summary.create", actorId: manager.id, details: '{"x":1}' } });
      await sqlite.$disconnect();
      const raw = new Database(file, { readonly: true });
      const sourceCounts = Object.fromEntries(
        [
          "User",
          "Session",
          "Unit",
          "UnitText",
          "Revision",
          "AuditEvent",
          "OnboardingProgress",
          "TeamSummary",
          "SummaryShareLink",
        ].map((t) => [t, (raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
      );
      const maxUnitId = (raw.prepare(`SELECT max(id) AS n FROM "Unit"`).get() as { n: number }).n;
      raw.close();

      const to = databaseOnCluster(`copy_${process.pid}`);
      const report = await copySqliteToPostgres({ from: `file:${file}`, to });
      for (const [table, n] of Object.entries(sourceCounts)) {
        expect(report.find((r) => r.table === table)?.rows, table).toBe(n);
      }
      expect(sourceCounts.Revision).toBeGreaterThan(0);
      expect(sourceCounts.OnboardingProgress).toBeGreaterThan(0);

      const postgres = createPrismaClient(to);
      try {
        // Content, people and links arrived as they were.
        const copied = await postgres.teamSummary.findUniqueOrThrow({
          where: { id: summary.id },
          include: { shareLinks: true },
        });
        expect(copied.title).toBe("Tiimin tavoitteet – ä ö å");
        expect(copied.createdAt.toISOString()).toBe(summary.createdAt.toISOString());
        expect(copied.shareLinks.map((l) => l.token)).toEqual(["copied-share-token"]);
        expect((await postgres.session.findUniqueOrThrow({ where: { id: "copied-session" } })).userId).toBe(manager.id);
        // The search index was rebuilt on the target.
        expect((await searchSite("fi", "lupa", { db: postgres })).hits.map((h) => h.key)).toContain(
          "org:strategyVision",
        );
        // New rows get ids past the copied ones.
        const unit = await postgres.unit.create({ data: { slug: "after-the-copy", kind: "unit" } });
        expect(unit.id).toBe(maxUnitId + 1);
      } finally {
        await postgres.$disconnect();
      }

      // A second copy into the same (now non-empty) database is refused and changes nothing.
      await expect(copySqliteToPostgres({ from: `file:${file}`, to })).rejects.toThrow(/not empty/);
    },
  );
});
