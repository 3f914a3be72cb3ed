// Tests of the schema-engine stand-in (scripts/prisma-schema-engine.mjs) through the STOCK Prisma
// CLI. Each test works in its own temporary project (its own prisma.config.ts, schema, migrations
// and SQLite file), so the repo's prisma/migrations and ./data are never touched. The configs set
// PRISMA_SCHEMA_ENGINE_BINARY themselves, like the repo's .config/prisma.ts; the tests do not.
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { patchSqliteAdapter, truncateSqliteFile } from "./prisma-engine/sqlite.mjs";
import { engineHashMismatch, hashFromVersion } from "./prisma-engine/versions.mjs";
import { errorData, createAdapterFactory } from "./prisma-engine/session.mjs";
import {
  assertShadowDistinct,
  createPostgresFactory,
  loadAdapterPg,
  patchCharOidAsText,
  postgresDatabaseName,
  samePostgresDatabase,
  temporaryShadowDatabaseName,
  withDatabaseName,
} from "./prisma-engine/postgres.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PRISMA_CLI = path.join(REPO, "node_modules/prisma/build/index.js");
const STAND_IN = path.join(REPO, "scripts/prisma-schema-engine.mjs");
const TIMEOUT = 120_000; // generous: CLI calls slow down a lot on a busy 2-core machine
const adapterPgInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve("@prisma/adapter-pg");
    return true;
  } catch {
    return false;
  }
})();

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "prisma-engine-test-"));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

// --- fixtures: two schema versions and the migrations Prisma generates for them -------------

const SCHEMA_V1 = `datasource db {
  provider = "sqlite"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;
const SCHEMA_V2 = `${SCHEMA_V1}
model Post {
  id    Int    @id @default(autoincrement())
  title String
}
`;
const INIT_SQL = `-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
`;
const POST_SQL = `-- CreateTable
CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL
);
`;
const INIT = "20260101000000_init";
const POST = "20260102000000_post";

type Project = { dir: string; db: string; migrations: string; schema: string };

/** A temporary project: prisma.config.ts, schema.prisma, migrations/ and a SQLite URL. */
function makeProject(
  name: string,
  { schema = SCHEMA_V1, migrations = {} as Record<string, string>, extraSchema = "" } = {},
): Project {
  const dir = path.join(tmpRoot, name);
  const migrationsDir = path.join(dir, "migrations");
  fs.mkdirSync(migrationsDir, { recursive: true });
  const project = {
    dir,
    db: path.join(dir, "data", "dev.db"),
    migrations: migrationsDir,
    schema: path.join(dir, "schema.prisma"),
  };
  fs.writeFileSync(project.schema, extraSchema + schema);
  for (const [folder, sql] of Object.entries(migrations)) addMigration(project, folder, sql);
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= ${JSON.stringify(STAND_IN)};
export default {
  schema: ${JSON.stringify(project.schema)},
  migrations: { path: ${JSON.stringify(migrationsDir)}, seed: "node seed.mjs" },
  datasource: { url: ${JSON.stringify(`file:${project.db}`)} },
};
`,
  );
  return project;
}

function addMigration(project: Project, folder: string, sql: string) {
  fs.mkdirSync(path.join(project.migrations, folder), { recursive: true });
  fs.writeFileSync(path.join(project.migrations, folder, "migration.sql"), sql);
  fs.writeFileSync(path.join(project.migrations, "migration_lock.toml"), 'provider = "sqlite"\n');
}

type Run = { code: number; stdout: string; stderr: string; output: string };

/** Run the stock Prisma CLI in `cwd`. `trace` forwards the engine's stderr lines (debug output). */
function prisma(cwd: string, args: string[], { env = {} as Record<string, string>, trace = false } = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.PRISMA_SCHEMA_ENGINE_BINARY; // the project's config must set it
  if (trace) childEnv.DEBUG = "prisma:schemaEngine:stderr";
  else delete childEnv.DEBUG;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      { cwd, env: childEnv, timeout: TIMEOUT },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, output: stdout + stderr });
      },
    );
  });
}

function rows<T = Record<string, unknown>>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const tables = (file: string) =>
  rows<{ name: string }>(
    file,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  ).map((r) => r.name);

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function migrationsList(project: Project) {
  const folders = fs
    .readdirSync(project.migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: project.migrations,
    lockfile: { path: "migration_lock.toml", content: 'provider = "sqlite"\n' },
    shadowDbInitScript: "",
    migrationDirectories: folders.map((folder) => ({
      path: folder,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(project.migrations, folder, "migration.sql"), "utf8") },
      },
    })),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON-RPC replies of many shapes, read field by field
type RpcReply = { id: unknown; result?: any; error?: { code: number; message: string; data: any } };

/** Drive the stand-in directly over JSON-RPC, one request at a time, answering `print` requests. */
function rpc(args: string[], requests: { method: string; params?: unknown }[], env: Record<string, string> = {}) {
  return new Promise<{ replies: RpcReply[]; prints: string[]; stderr: string; code: number | null }>(
    (resolve, reject) => {
      const child = spawn(STAND_IN, args, { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
      const replies: RpcReply[] = [];
      const prints: string[] = [];
      let stderr = "";
      let buffer = "";
      let next = 0;
      const sendNext = () => {
        if (next < requests.length)
          child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: next + 1, ...requests[next++] }) + "\n");
        else child.stdin.end();
      };
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.stdout.on("data", (chunk) => {
        buffer += chunk;
        let newline;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const message = JSON.parse(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
          if (message.method === "print") {
            prints.push(message.params.content);
            child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: {} }) + "\n");
          } else {
            replies.push(message);
            sendNext();
          }
        }
      });
      child.on("error", reject);
      child.on("exit", (code) => resolve({ replies, prints, stderr, code }));
      sendNext();
    },
  );
}

function oneShot(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(STAND_IN, args, { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

// --- the stock CLI, one test per command ---------------------------------------------------

describe.concurrent("stock Prisma CLI through the stand-in", () => {
  test("migrate dev creates and applies a migration", { timeout: TIMEOUT }, async () => {
    const p = makeProject("dev");
    const run = await prisma(p.dir, ["migrate", "dev", "--name", "init"]);
    expect(run.code, run.output).toBe(0);
    const [folder] = fs.readdirSync(p.migrations).filter((f) => f.endsWith("_init"));
    const sql = fs.readFileSync(path.join(p.migrations, folder, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "User"');
    expect(fs.readFileSync(path.join(p.migrations, "migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
    // The history row is what stock Prisma writes: checksum = sha256 of migration.sql.
    const history = rows<{ migration_name: string; checksum: string; finished_at: string | null }>(
      p.db,
      "SELECT * FROM _prisma_migrations",
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ migration_name: folder, checksum: sha256(sql) });
    expect(history[0].finished_at).not.toBeNull();
  });

  test(
    "migrate deploy to a fresh database (the repo's own config, DATABASE_URL elsewhere)",
    { timeout: TIMEOUT },
    async () => {
      // The real .config/prisma.ts and prisma/migrations, read only; the database is a temp file.
      const db = path.join(tmpRoot, "repo-deploy", "fresh.db");
      const run = await prisma(REPO, ["migrate", "deploy"], { env: { DATABASE_URL: `file:${db}` } });
      expect(run.code, run.output).toBe(0);
      const onDisk = fs
        .readdirSync(path.join(REPO, "prisma/migrations"), { withFileTypes: true })
        .filter((d) => d.isDirectory());
      expect(rows(db, "SELECT * FROM _prisma_migrations WHERE finished_at IS NOT NULL")).toHaveLength(onDisk.length);
    },
  );

  test("migrate deploy to an existing database applies only what is pending", { timeout: TIMEOUT }, async () => {
    const p = makeProject("deploy-existing", { schema: SCHEMA_V2, migrations: { [INIT]: INIT_SQL } });
    expect((await prisma(p.dir, ["migrate", "deploy"])).code).toBe(0);
    new Database(p.db).prepare("INSERT INTO User (email) VALUES ('kept@example.test')").run();
    addMigration(p, POST, POST_SQL);
    const run = await prisma(p.dir, ["migrate", "deploy"]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(POST);
    expect(run.output).not.toContain(INIT);
    expect(rows(p.db, "SELECT email FROM User")).toEqual([{ email: "kept@example.test" }]);
    expect(tables(p.db)).toEqual(["Post", "User", "_prisma_migrations"]);
  });

  test("migrate status reports an up-to-date history, then a pending migration", { timeout: TIMEOUT }, async () => {
    const p = makeProject("status", { schema: SCHEMA_V2, migrations: { [INIT]: INIT_SQL, [POST]: POST_SQL } });
    expect((await prisma(p.dir, ["migrate", "deploy"])).code).toBe(0);
    const upToDate = await prisma(p.dir, ["migrate", "status"]);
    expect(upToDate.code, upToDate.output).toBe(0);
    expect(upToDate.output).toContain("Database schema is up to date");
    addMigration(p, "20260103000000_more", 'CREATE TABLE "More" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    const pending = await prisma(p.dir, ["migrate", "status"]);
    expect(pending.code).toBe(1);
    expect(pending.output).toContain("20260103000000_more");
  });

  test("migrate reset empties the database and re-applies every migration", { timeout: TIMEOUT }, async () => {
    const p = makeProject("reset", { schema: SCHEMA_V2, migrations: { [INIT]: INIT_SQL, [POST]: POST_SQL } });
    fs.mkdirSync(path.dirname(p.db), { recursive: true });
    new Database(p.db).exec(
      `${INIT_SQL}; INSERT INTO User (email) VALUES ('gone@example.test'); CREATE TABLE Stray (x);`,
    );
    const run = await prisma(p.dir, ["migrate", "reset", "--force"]);
    expect(run.code, run.output).toBe(0);
    expect(tables(p.db)).toEqual(["Post", "User", "_prisma_migrations"]);
    expect(rows(p.db, "SELECT * FROM User")).toEqual([]);
    expect(rows(p.db, "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name")).toEqual([
      { migration_name: INIT },
      { migration_name: POST },
    ]);
  });

  test("migrate diff prints the SQL script", { timeout: TIMEOUT }, async () => {
    const p = makeProject("diff", { schema: SCHEMA_V2 });
    const run = await prisma(p.dir, ["migrate", "diff", "--from-empty", "--to-schema", p.schema, "--script"]);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain('CREATE TABLE "User"');
    expect(run.stdout).toContain('CREATE TABLE "Post"');
    expect(run.stdout).toContain('CREATE UNIQUE INDEX "User_email_key"');
  });

  test("db seed runs the configured seed command", { timeout: TIMEOUT }, async () => {
    const p = makeProject("seed", { migrations: { [INIT]: INIT_SQL } });
    fs.writeFileSync(
      path.join(p.dir, "seed.mjs"),
      `import Database from ${JSON.stringify(path.join(REPO, "node_modules/better-sqlite3/lib/index.js"))};
new Database(${JSON.stringify(p.db)}).prepare("INSERT INTO User (email) VALUES ('seed@example.test')").run();
`,
    );
    fs.mkdirSync(path.dirname(p.db), { recursive: true });
    new Database(p.db).exec(INIT_SQL);
    const run = await prisma(p.dir, ["db", "seed"]);
    expect(run.code, run.output).toBe(0);
    expect(rows(p.db, "SELECT email FROM User")).toEqual([{ email: "seed@example.test" }]);
  });

  test("generate writes the client", { timeout: TIMEOUT }, async () => {
    const generator = `generator client {
  provider = "prisma-client"
  output   = "./generated"
}
`;
    const p = makeProject("generate", { extraSchema: generator });
    const run = await prisma(p.dir, ["generate"]);
    expect(run.code, run.output).toBe(0);
    expect(fs.existsSync(path.join(p.dir, "generated", "client.ts"))).toBe(true);
  });
});

// --- the engine gaps (docs/decisions/0001) ---------------------------------------------------------

describe.concurrent("gaps between the WASM engine and the JS adapters", () => {
  test(
    "gap 1: no _prisma_migrations table means no history (status, then baselining)",
    { timeout: TIMEOUT },
    async () => {
      // An empty database: status lists both migrations as pending instead of failing with P1014.
      const empty = makeProject("gap1-empty", {
        schema: SCHEMA_V2,
        migrations: { [INIT]: INIT_SQL, [POST]: POST_SQL },
      });
      fs.mkdirSync(path.dirname(empty.db), { recursive: true });
      new Database(empty.db).close();
      const status = await prisma(empty.dir, ["migrate", "status"], { trace: true });
      expect(status.output).not.toContain("P1014");
      expect(status.output).toContain("Following migrations have not yet been applied");
      expect(status.output).toContain("No _prisma_migrations table yet");

      // An existing database with the init schema but no history: baseline it, then deploy the rest.
      const existing = makeProject("gap1-baseline", {
        schema: SCHEMA_V2,
        migrations: { [INIT]: INIT_SQL, [POST]: POST_SQL },
      });
      fs.mkdirSync(path.dirname(existing.db), { recursive: true });
      new Database(existing.db).exec(INIT_SQL);
      const refused = await prisma(existing.dir, ["migrate", "deploy"]);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain("P3005");
      const resolved = await prisma(existing.dir, ["migrate", "resolve", "--applied", INIT]);
      expect(resolved.code, resolved.output).toBe(0);
      const deployed = await prisma(existing.dir, ["migrate", "deploy"]);
      expect(deployed.code, deployed.output).toBe(0);
      expect(
        rows(existing.db, "SELECT migration_name, applied_steps_count FROM _prisma_migrations ORDER BY migration_name"),
      ).toEqual([
        { migration_name: INIT, applied_steps_count: 0 },
        { migration_name: POST, applied_steps_count: 1 },
      ]);
    },
  );

  test("gap 2: multi-statement migrations replay on the shadow database", { timeout: TIMEOUT }, async () => {
    // better-sqlite3 itself refuses a multi-statement executeRaw; the patched adapter runs it.
    const raw = await new PrismaBetterSqlite3({ url: ":memory:" }).connect();
    const twoStatements = { sql: "CREATE TABLE a (x); CREATE TABLE b (y);", args: [], argTypes: [] };
    await expect(raw.executeRaw(twoStatements)).rejects.toThrow(/more than one statement/);
    const patched = patchSqliteAdapter(raw, { trace: () => {} });
    await expect(patched.executeRaw(twoStatements)).resolves.toBe(0);
    const names = await patched.queryRaw({
      sql: "SELECT name FROM sqlite_master ORDER BY name",
      args: [],
      argTypes: [],
    });
    expect(names.rows).toEqual([["a"], ["b"]]);
    await raw.dispose();

    // Through the CLI: diffing from migrations replays INIT_SQL (two statements) on a shadow DB.
    const p = makeProject("gap2", { schema: SCHEMA_V2, migrations: { [INIT]: INIT_SQL } });
    const run = await prisma(
      p.dir,
      ["migrate", "diff", "--from-migrations", p.migrations, "--to-schema", p.schema, "--script"],
      { trace: true },
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toContain("External error");
    expect(run.output).toContain("running it as a script");
    expect(run.stdout).toContain('CREATE TABLE "Post"');
    expect(run.stdout).not.toContain('CREATE TABLE "User"');
  });

  test("gap 3: reset truncates the SQLite file, so migrations apply again", { timeout: TIMEOUT }, async () => {
    const p = makeProject("gap3", { migrations: { [INIT]: INIT_SQL } });
    fs.mkdirSync(path.dirname(p.db), { recursive: true });
    const args = ["--datamodels", p.schema, "--datasource", JSON.stringify({ url: `file:${p.db}` })];
    const list = migrationsList(p);
    const filters = { externalTables: [], externalEnums: [] };
    const { replies, stderr, code } = await rpc(args, [
      { method: "applyMigrations", params: { migrationsList: list, filters } },
      { method: "reset", params: { filter: filters } },
      { method: "applyMigrations", params: { migrationsList: list, filters } },
    ]);
    expect(code, stderr).toBe(0);
    expect(replies.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(replies[0].result.appliedMigrationNames).toEqual([INIT]);
    expect(replies[2].result.appliedMigrationNames).toEqual([INIT]);
    expect(stderr).toContain("truncating");
    expect(rows(p.db, "SELECT migration_name FROM _prisma_migrations")).toEqual([{ migration_name: INIT }]);

    // The helper itself: an empty file and no journal left behind.
    fs.writeFileSync(p.db + "-journal", "x");
    truncateSqliteFile(p.db);
    expect(fs.statSync(p.db).size).toBe(0);
    expect(fs.existsSync(p.db + "-journal")).toBe(false);
  });

  test(
    "gap 4: migrate dev right after applying pending migrations still creates one",
    { timeout: TIMEOUT },
    async () => {
      // INIT is on disk but not applied; the schema adds Post. migrate dev applies INIT, then needs
      // evaluateDataLoss/createMigration, which the WASM engine fails without devDiagnostic first.
      const p = makeProject("gap4", { schema: SCHEMA_V2, migrations: { [INIT]: INIT_SQL } });
      const run = await prisma(p.dir, ["migrate", "dev", "--name", "post"], { trace: true });
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain("re-establishing the shadow database");
      const created = fs.readdirSync(p.migrations).filter((f) => f.endsWith("_post"));
      expect(created).toHaveLength(1);
      expect(fs.readFileSync(path.join(p.migrations, created[0], "migration.sql"), "utf8")).toContain(
        'CREATE TABLE "Post"',
      );
      expect(tables(p.db)).toEqual(["Post", "User", "_prisma_migrations"]);
    },
  );

  test('gap 5: PostgreSQL "char" (OID 18) columns are described as text', () => {
    class FakeResult {
      fields: { name: string; dataTypeID: number }[] = [];
      addFields(fields: { name: string; dataTypeID: number }[]) {
        this.fields = fields;
      }
    }
    patchCharOidAsText(FakeResult);
    patchCharOidAsText(FakeResult); // idempotent
    const result = new FakeResult();
    result.addFields([
      { name: "contype", dataTypeID: 18 },
      { name: "conname", dataTypeID: 19 },
      { name: "n", dataTypeID: 23 },
    ]);
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 19, 23]);
  });

  test("gap 6: PostgreSQL shadow database URLs", async () => {
    const main = "postgresql://app:secret@db.example:5432/portal?schema=public&sslmode=require";
    const shadowName = temporaryShadowDatabaseName();
    expect(shadowName).toMatch(/^prisma_migrate_shadow_db_[0-9a-f-]{36}$/);
    // The temporary database's own URL: same server, credentials and parameters, other database.
    const shadow = withDatabaseName(main, shadowName);
    expect(postgresDatabaseName(shadow)).toBe(shadowName);
    expect(shadow).toBe(`postgresql://app:secret@db.example:5432/${shadowName}?schema=public&sslmode=require`);
    expect(samePostgresDatabase(main, shadow)).toBe(false);

    // A configured shadow URL naming the main database is refused, however it is spelled.
    expect(() => assertShadowDistinct(main, main)).toThrow(/points at the main database/);
    expect(() => assertShadowDistinct(main, "postgres://other:pw@DB.example/portal?sslmode=require")).toThrow(
      /main database/,
    );
    expect(() =>
      assertShadowDistinct("postgres://u@localhost/portal", "postgres://u@127.0.0.1:5432/portal?schema=public"),
    ).toThrow();
    expect(() => assertShadowDistinct(main, withDatabaseName(main, "portal_shadow"))).not.toThrow();
    expect(() => assertShadowDistinct(main, main.replace("schema=public", "schema=shadow"))).not.toThrow();
    // ... before anything is loaded or connected.
    await expect(
      createAdapterFactory({
        datasource: { url: main, shadowDatabaseUrl: main },
        datamodels: [],
        cwd: tmpRoot,
        state: {},
      }),
    ).rejects.toThrow(/main database/);

    // The shadow lifecycle, with a stand-in for PrismaPg that records what each connection does.
    const calls: string[] = [];
    class FakePrismaPg {
      constructor(private config: { connectionString: string }) {}
      async connect() {
        const db = postgresDatabaseName(this.config.connectionString);
        return {
          executeScript: async (sql: string) =>
            void calls.push(`${db}: ${sql.replace(/_db_[0-9a-f-]+/, "_db_<uuid>")}`),
          dispose: async () => void calls.push(`${db}: dispose`),
        };
      }
    }
    const adapterPg = { PrismaPg: FakePrismaPg };
    const factory = await createPostgresFactory({ url: main, state: {}, adapterPg });
    const temp = (await factory.connectToShadowDb()) as unknown as { dispose(): Promise<void> };
    // The temporary database is created from the main connection; the shadow connection goes to it.
    expect(calls).toEqual([`portal: CREATE DATABASE "prisma_migrate_shadow_db_<uuid>"`]);
    await temp.dispose();
    expect(calls.slice(1)).toEqual([
      expect.stringMatching(/^prisma_migrate_shadow_db_[0-9a-f-]{36}: dispose$/),
      `portal: DROP DATABASE IF EXISTS "prisma_migrate_shadow_db_<uuid>"`,
      "portal: dispose",
    ]);
    // A configured (distinct) shadow URL is used as it is: nothing created, nothing dropped.
    calls.length = 0;
    const configured = await createPostgresFactory({
      url: main,
      shadowDatabaseUrl: withDatabaseName(main, "portal_shadow"),
      state: {},
      adapterPg,
    });
    await ((await configured.connectToShadowDb()) as unknown as { dispose(): Promise<void> }).dispose();
    expect(calls).toEqual(["portal_shadow: dispose"]);
  });

  test.skipIf(adapterPgInstalled)("without @prisma/adapter-pg a PostgreSQL URL gets a clear error", async () => {
    await expect(loadAdapterPg()).rejects.toThrow(/@prisma\/adapter-pg is not installed/);
  });
});

// --- the stand-in's own protocol -------------------------------------------------------------

describe.concurrent("stand-in protocol", () => {
  test("refuses to run when the WASM engine hash differs from the CLI's", { timeout: TIMEOUT }, async () => {
    expect(hashFromVersion("7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3")).toBe(
      "0edf323efd1d98336f3f0a68684b56f689b900d3",
    );
    expect(engineHashMismatch({ cliHash: "a".repeat(40), wasmHash: "a".repeat(40), wasmVersion: "x" })).toBeNull();
    expect(engineHashMismatch({ cliHash: "a".repeat(40), wasmHash: null, wasmVersion: "7.10.0" })).toMatch(
      /Refusing to run/,
    );

    const fake = path.join(tmpRoot, "fake-wasm-package.json");
    fs.writeFileSync(
      fake,
      JSON.stringify({ name: "@prisma/schema-engine-wasm", version: `7.99.0-1.${"b".repeat(40)}` }),
    );
    const env = { PRISMA_SCHEMA_ENGINE_WASM_PACKAGE_JSON: fake };

    const direct = await oneShot(
      ["--datasource", JSON.stringify({ url: "file::memory:" }), "cli", "can-connect-to-database"],
      env,
    );
    expect(direct.code).toBe(1);
    expect(direct.stderr.split("\n")[0]).toMatch(/^prisma-schema-engine: Refusing to run: .*b{40}.*0edf323e/);

    // Through the CLI, both for a command that checks the connection first and for one that
    // goes straight to JSON-RPC: the message reaches the user and the exit code is non-zero.
    const p = makeProject("hash-mismatch", { migrations: { [INIT]: INIT_SQL } });
    const [status, diff] = await Promise.all([
      prisma(p.dir, ["migrate", "status"], { env }),
      prisma(p.dir, ["migrate", "diff", "--from-empty", "--to-schema", p.schema, "--script"], { env }),
    ]);
    for (const run of [status, diff]) {
      expect(run.code).not.toBe(0);
      expect(run.output).toContain("Refusing to run");
    }
    expect(diff.stdout).not.toContain("CREATE TABLE");
  });

  test("--version and the one-shot cli commands", { timeout: TIMEOUT }, async () => {
    const version = await oneShot(["--version"]);
    expect(version).toMatchObject({ code: 0, stdout: "schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3\n" });

    const file = path.join(tmpRoot, "one-shot", "sub", "x.db");
    const ds = ["--datasource", JSON.stringify({ url: `file:${file}` })];
    const missing = await oneShot([...ds, "cli", "can-connect-to-database"]);
    expect(missing.code).toBe(1);
    // The CLI skips the first stderr line and parses the rest as JSON log lines.
    const logged = missing.stderr
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => JSON.parse(line));
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: "ERROR",
        target: "schema_engine::logger",
        fields: expect.objectContaining({ error_code: "P1003" }),
      }),
    );
    expect((await oneShot([...ds, "cli", "create-database"])).code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect((await oneShot([...ds, "cli", "can-connect-to-database"])).code).toBe(0);
    expect((await oneShot([...ds, "cli", "drop-database"])).code).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
  });

  test(
    "JSON-RPC: results, 4466 errors with data, External error causes, trace lines",
    { timeout: TIMEOUT },
    async () => {
      const p = makeProject("rpc", { migrations: { [INIT]: INIT_SQL } });
      fs.mkdirSync(path.dirname(p.db), { recursive: true });
      const args = ["--datamodels", p.schema, "--datasource", JSON.stringify({ url: `file:${p.db}` })];
      const ok = await rpc(args, [
        { method: "getDatabaseVersion" },
        { method: "markMigrationRolledBack", params: { migrationName: "nope" } },
        { method: "noSuchMethod", params: {} },
      ]);
      expect(ok.code).toBe(0);
      expect(ok.replies[0].result).toMatch(/^3\.\d+\.\d+$/); // SQLite's version
      expect(ok.replies[1].error).toMatchObject({
        code: 4466,
        data: { is_panic: false, message: expect.any(String), error_code: expect.stringMatching(/^P\d{4}$/) },
      });
      expect(ok.replies[2].error?.code).toBe(-32601);
      // Engine trace lines are JSON on stderr.
      const traces = ok.stderr
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(traces[0]).toMatchObject({ level: "INFO", fields: { message: "Starting schema-engine-wasm" } });

      // A JS error inside the adapter reaches the engine as "External error id#N": the stand-in
      // puts the real cause next to it (here: better-sqlite3 cannot open the file).
      const bad = [
        "--datamodels",
        p.schema,
        "--datasource",
        JSON.stringify({ url: `file:${path.join(tmpRoot, "no-such-dir", "x.db")}` }),
      ];
      const failed = await rpc(bad, [{ method: "getDatabaseVersion" }]);
      expect(failed.replies[0].error?.data.message).toMatch(
        /External error id#\d+: Cannot open database because the directory does not exist/,
      );

      const registry = {
        consumeError: (id: number) => (id === 3 ? { error: new Error("the real cause") } : undefined),
      };
      expect(errorData(Object.assign(new Error("Failed: External error id#3"), { code: "P3006" }), registry)).toEqual({
        is_panic: false,
        message: "Failed: External error id#3: the real cause",
        error_code: "P3006",
        meta: null,
      });
    },
  );
});
