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
      // The newer tables: single sign-on, calendar subscriptions, the mail queue, page care.
      await sqlite.userIdentity.create({ data: { userId: manager.id, issuer: "https://idp.example", subject: "s-1" } });
      await sqlite.calendarFeed.create({ data: { userId: manager.id, tokenHash: "copied-calendar-hash" } });
      await sqlite.outgoingMail.create({
        data: {
          dedupeKey: "copied:1",
          kind: "review_due",
          recipientId: manager.id,
          toAddress: "manager@migri.example",
          lang: "fi",
          subject: "Tarkista sivu",
          body: "Hei",
          messageId: "<copied-1@migri.example>",
        },
      });
      await sqlite.pageReview.create({
        data: { pageType: "unit", pageId: 1, kind: "checked", reviewedOn: "2026-12-01", reviewerId: manager.id },
      });
      await sqlite.$disconnect();
      const raw = new Database(file, { readonly: true });
      // Every table of the installation (not the migrations' bookkeeping or SQLite's search index).
      const sourceTables = (
        raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      )
        .map((t) => t.name)
        .filter((name) => !/^(_prisma_migrations|sqlite_|search_fts)/.test(name));
      expect(sourceTables).toEqual(expect.arrayContaining(["ContentVersion", "PageOwnership", "OutgoingMail"]));
      const sourceCounts = Object.fromEntries(
        sourceTables.map((t) => [t, (raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
      );
      const sourceVersion = (raw.prepare(`SELECT version FROM "ContentVersion"`).get() as { version: number }).version;
      expect(sourceVersion).toBeGreaterThan(0);
      const maxUnitId = (raw.prepare(`SELECT max(id) AS n FROM "Unit"`).get() as { n: number }).n;
      raw.close();

      const to = databaseOnCluster(`copy_${process.pid}`);
      const report = await copySqliteToPostgres({ from: `file:${file}`, to });
      expect(report.map((r) => r.table).sort()).toEqual([...sourceTables].sort());
      for (const [table, n] of Object.entries(sourceCounts)) {
        expect(report.find((r) => r.table === table)?.rows, table).toBe(n);
      }
      for (const table of ["UserIdentity", "CalendarFeed", "OutgoingMail", "PageReview"]) {
        expect(sourceCounts[table], table).toBeGreaterThan(0);
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
        // The content version was copied, not bumped by the copy's own writes; and it is bumped again.
        expect((await postgres.contentVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(sourceVersion);
        // The search index was rebuilt on the target.
        expect((await searchSite("fi", "lupa", { db: postgres })).hits.map((h) => h.key)).toContain(
          "org:strategyVision",
        );
        // New rows get ids past the copied ones.
        const unit = await postgres.unit.create({ data: { slug: "after-the-copy", kind: "unit" } });
        expect(unit.id).toBe(maxUnitId + 1);
        expect((await postgres.contentVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(sourceVersion + 1);
      } finally {
        await postgres.$disconnect();
      }

      // A second copy into the same (now non-empty) database is refused and changes nothing.
      await expect(copySqliteToPostgres({ from: `file:${file}`, to })).rejects.toThrow(/not empty/);
    },
  );
});
