// One data model, two databases: prisma/postgres/schema.prisma is generated from
// prisma/schema.prisma and must be current; each provider's migration folder must produce exactly
// its schema's models (checked through the stock CLI: `prisma migrate diff --exit-code`); and the
// PostgreSQL client must offer the app the same model API it is typed against (the SQLite client).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Prisma as SqlitePrisma } from "~/generated/prisma/client";
import type { Prisma as PostgresPrisma } from "~/generated/prisma-pg/client";
import { projectRoot } from "~/utils/paths.server";
import {
  POSTGRES_SCHEMA,
  generatedPostgresSchema,
  postgresSchemaFrom,
  postgresSchemaIsCurrent,
} from "../scripts/db/postgres-schema.mjs";

// Compile time (npm run typecheck): the app is typed against the SQLite client and runs the
// PostgreSQL one cast to it (app/utils/db.server.ts). That is sound when, model by model, the rows
// are the same type, every argument the SQLite client accepts the PostgreSQL one accepts too, and
// every result is the same type. The clients as wholes are not mutually assignable: TypeScript
// cannot relate the two declarations' generic signatures, and $transaction's isolation levels
// differ (the app passes none). A model or field that differs fails `npm run typecheck` here.
type SqliteModels = SqlitePrisma.TypeMap["model"];
type PostgresModels = PostgresPrisma.TypeMap["model"];
type Model = SqlitePrisma.ModelName;
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Operation =
  | "findMany"
  | "findUnique"
  | "findFirst"
  | "create"
  | "createMany"
  | "update"
  | "updateMany"
  | "upsert"
  | "delete"
  | "deleteMany"
  | "count"
  | "aggregate"
  | "groupBy";
type SameRows = { [K in Model]: Equal<SqliteModels[K]["payload"]["scalars"], PostgresModels[K]["payload"]["scalars"]> };
type ArgsAccepted = {
  [K in Model]: {
    [O in Operation]: [SqliteModels[K]["operations"][O]["args"]] extends [PostgresModels[K]["operations"][O]["args"]]
      ? true
      : false;
  }[Operation];
};
type SameResults = {
  [K in Model]: {
    [O in Operation]: Equal<SqliteModels[K]["operations"][O]["result"], PostgresModels[K]["operations"][O]["result"]>;
  }[Operation];
};
const sameModelNames: Equal<SqlitePrisma.ModelName, PostgresPrisma.ModelName> = true;
const sameRows: SameRows[Model] = true;
const argsAccepted: ArgsAccepted[Model] = true;
const sameResults: SameResults[Model] = true;
// ... and the check can fail: two different models' rows are not equal.
const differentRows: Equal<SqliteModels["User"]["payload"]["scalars"], PostgresModels["Unit"]["payload"]["scalars"]> =
  false;

const PRISMA_CLI = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");

function prisma(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe("the PostgreSQL schema", () => {
  it("is generated from prisma/schema.prisma and is current (npm run db:schema writes it)", () => {
    expect([sameModelNames, sameRows, argsAccepted, sameResults, differentRows]).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(generatedPostgresSchema());
    expect(postgresSchemaIsCurrent()).toBe(true);
  });

  it("differs from the source only in its provider and client folder", () => {
    const source = fs.readFileSync(path.join(projectRoot, "prisma", "schema.prisma"), "utf8");
    const generated = postgresSchemaFrom(source);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('"../../app/generated/prisma-pg"');
    const models = (text: string) => [...text.matchAll(/^model (\w+) \{[\s\S]*?^\}/gm)].map((m) => m[0]);
    expect(models(generated)).toEqual(models(source));
    expect(models(source).length).toBeGreaterThan(20);
    // A change to the source makes the committed file stale.
    expect(postgresSchemaFrom(source.replace("model Value {", "model Value {\n  extra String?"))).not.toBe(
      fs.readFileSync(POSTGRES_SCHEMA, "utf8"),
    );
  });
});

describe.runIf(inject("databaseProvider") === "postgresql")("the PostgreSQL migrations", () => {
  // The SQLite folder gets the same check in prisma/site-search-migration.test.ts.
  it("produce exactly the models of prisma/postgres/schema.prisma", { timeout: 180_000 }, async () => {
    const run = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/postgres/migrations",
        "--to-schema",
        "prisma/postgres/schema.prisma",
        "--exit-code",
      ],
      process.env.DATABASE_URL!,
    );
    expect(run.output).toContain("No difference detected");
    expect(run.code).toBe(0);
  });
});
