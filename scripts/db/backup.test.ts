// A backup taken while the portal keeps writing restores into an empty database as a consistent
// whole: it passes the integrity check, and every transaction is in it completely or not at all.
// On this run's database kind (SQLite file or PostgreSQL database on the test cluster).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, prisma } from "~/utils/db.server";
import { projectRoot } from "~/utils/paths.server";

const exec = promisify(execFile);
const onPostgres = inject("databaseProvider") === "postgresql";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migri-backup-"));
const MARK = `backup-test-${process.pid}`;

afterAll(async () => {
  await prisma.teamSummary.deleteMany({ where: { title: { startsWith: MARK } } });
  fs.rmSync(tmp, { recursive: true, force: true });
});

function emptyTarget(name: string): string {
  if (!onPostgres) return `file:${path.join(tmp, `${name}.db`)}`;
  const admin = inject("postgresAdminUrl")!;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

const npm = (args: string[], databaseUrl: string) =>
  exec(process.execPath, [path.join(projectRoot, "scripts/db/backup.mjs"), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

describe("npm run backup / npm run restore", () => {
  it("backs up during concurrent writes and restores a consistent database", { timeout: 180_000 }, async () => {
    const author = await prisma.user.findUniqueOrThrow({ where: { email: "manager@migri.example" } });
    // Writers: each transaction makes a summary and its one item; a backup must hold both or neither.
    let stop = false;
    let written = 0;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        // One nested create: Prisma writes the summary and its item in one transaction.
        await prisma.teamSummary.create({
          data: {
            authorId: author.id,
            title: `${MARK}-${i}`,
            lang: "en",
            items: { create: { position: 0, teamText: `${MARK}-${i}` } },
          },
        });
        written++;
        // A busy portal, not a tight loop: in SQLite's rollback-journal mode a writer that never
        // pauses would keep the backup's read lock waiting.
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // (A failing writer fails the test instead of leaving it waiting.)
    let failed: unknown = null;
    writer.catch((error) => (failed = error));
    while (written < 5 && !failed) await new Promise((r) => setTimeout(r, 20));
    if (failed) throw failed;
    const file = path.join(tmp, onPostgres ? "portal.dump" : "portal.db");
    const before = written;
    const { stdout } = await npm(["backup", "--to", file], process.env.DATABASE_URL!);
    const during = written - before;
    stop = true;
    await writer;
    expect(stdout).toContain(`backup: wrote ${file}`);
    expect(during).toBeGreaterThan(0); // the portal kept writing while the backup ran

    const target = emptyTarget(`restored_${process.pid}`);
    if (onPostgres)
      await exec("psql", [
        inject("postgresAdminUrl")!,
        "-qc",
        `CREATE DATABASE "${new URL(target).pathname.slice(1)}"`,
      ]);
    await npm(["restore", file], target);

    if (!onPostgres) {
      const db = new Database(new URL(target).pathname, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      db.close();
    }
    const restored = createPrismaClient(target);
    try {
      const summaries = await restored.teamSummary.findMany({
        where: { title: { startsWith: MARK } },
        include: { items: true },
      });
      expect(summaries.length).toBeGreaterThanOrEqual(5);
      expect(summaries.length).toBeLessThanOrEqual(written);
      // All or nothing: every summary with its item, and no item without its summary.
      expect(summaries.every((s) => s.items.length === 1 && s.items[0].teamText === s.title)).toBe(true);
      expect(await restored.teamSummaryItem.count({ where: { teamText: { startsWith: MARK } } })).toBe(
        summaries.length,
      );
      // The rest of the portal came along: content, people, and a working search index.
      expect(await restored.unit.count()).toBe(await prisma.unit.count());
      expect(await restored.user.count()).toBe(await prisma.user.count());
      expect(await restored.pageOwnership.count()).toBe(await prisma.pageOwnership.count());
      expect(await restored.pageReview.count()).toBe(await prisma.pageReview.count());
      expect(await restored.outgoingMail.count()).toBe(await prisma.outgoingMail.count());
      expect(await restored.pageOwnership.count()).toBeGreaterThan(0);
      // With its triggers: the content version (page cache) still follows content writes.
      const version = async (db: typeof prisma) =>
        (await db.contentVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
      const restoredVersion = await version(restored);
      expect(restoredVersion).toBe(await version(prisma));
      const text = await restored.unitText.findFirstOrThrow();
      await restored.unitText.update({ where: { id: text.id }, data: { summary: text.summary } });
      expect(await version(restored)).toBe(restoredVersion + 1);
      const { searchSite } = await import("~/models/search.server");
      expect((await searchSite("fi", "lupa", { db: restored })).hits.map((h) => h.key)).toContain("org:strategyVision");
    } finally {
      await restored.$disconnect();
    }

    // A database that is not empty is refused.
    await expect(npm(["restore", file], target)).rejects.toThrow(/not empty/);
  });
});
