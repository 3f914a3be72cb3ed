// The Prisma client, one per process, on the database named by DATABASE_URL: a SQLite file
// (the embedded default) or a PostgreSQL server (docs/decisions/0015-postgresql-and-two-schemas.md).
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { isPostgresUrl, resolveDatabaseUrl } from "./paths.server";
import { SerialisedPostgresAdapterFactory } from "./postgres-connection.server";
import { DurableSqliteAdapterFactory, type SqliteConnection } from "./sqlite-connection.server";

declare global {
  // Survives module reloads in development, so each rebuild does not open another connection.
  var __prisma: PrismaClient | undefined;
}

export type SqlDialect = "sqlite" | "postgresql";

// Kept on the client itself: the server build and the tests may each load this module.
const SQLITE_FACTORY = Symbol.for("migri.sqliteAdapterFactory");
type WithFactory = PrismaClient & { [SQLITE_FACTORY]?: DurableSqliteAdapterFactory };
const POSTGRES_FACTORY = Symbol.for("migri.postgresAdapterFactory");
type WithPostgresFactory = PrismaClient & { [POSTGRES_FACTORY]?: SerialisedPostgresAdapterFactory };

/**
 * SQLite through better-sqlite3: one connection, every query and transaction through one queue,
 * WAL, synchronous=FULL (app/utils/sqlite-connection.server.ts, ADR 0011).
 */
export function createSqliteClient(url: string = resolveDatabaseUrl()): PrismaClient {
  const adapter = new DurableSqliteAdapterFactory(url);
  // Waiting for the queue counts against maxWait: allow for a burst of saves on a slow machine.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 10_000 } });
  (client as WithFactory)[SQLITE_FACTORY] = adapter;
  return client;
}

/** The SQLite connection behind a client (connecting it if needed), or null for another database. */
export async function sqliteConnectionOf(client: PrismaClient): Promise<SqliteConnection | null> {
  const factory = (client as WithFactory)[SQLITE_FACTORY];
  if (!factory) return null;
  if (!factory.connection) await client.$connect();
  return factory.connection ?? null;
}

/**
 * The client generated from prisma/postgres/schema.prisma, typed as the SQLite one: both are
 * generated from the same models, so their model APIs are the same; they differ only in options the
 * app does not use (isolation levels, `mode: "insensitive"`). Raw SQL differs: see sqlDialect.
 */
export function createPostgresClient(url: string): PrismaClient {
  // Write transactions run one at a time, as on SQLite (postgres-connection.server.ts): waiting
  // for the lock counts against maxWait.
  const adapter = new SerialisedPostgresAdapterFactory(url, Number(process.env.DATABASE_POOL_SIZE || 10));
  const client = new PostgresPrismaClient({
    adapter,
    transactionOptions: { maxWait: 10_000, timeout: 10_000 },
  }) as unknown as PrismaClient;
  (client as WithPostgresFactory)[POSTGRES_FACTORY] = adapter;
  return client;
}

/**
 * Prisma's PostgreSQL driver adapter behind a client (connecting it if needed): the same pool of
 * connections, without the client's query pipeline. Null for SQLite and for a transaction client.
 * For a hot read only (site search, ADR 0015): the pipeline costs ~0.25 ms a query at the median
 * and more in the tail, against a search that takes 2-3 ms in all.
 */
export async function postgresAdapterOf(client: PrismaClient): Promise<SqlDriverAdapter | null> {
  const factory = (client as WithPostgresFactory)[POSTGRES_FACTORY];
  // A transaction client shares the symbol but not $connect: its reads belong in its transaction.
  if (!factory || typeof (client as { $connect?: unknown }).$connect !== "function") return null;
  if (!factory.adapter) await client.$connect();
  return factory.adapter;
}

export function createPrismaClient(url: string = resolveDatabaseUrl()): PrismaClient {
  return isPostgresUrl(url) ? createPostgresClient(url) : createSqliteClient(url);
}

/** Which SQL a client (or a transaction client) speaks, for the few raw queries that differ. */
export function sqlDialect(db: unknown): SqlDialect {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/** SQL written with `?` placeholders, numbered ($1, $2, ...) for PostgreSQL. No `?` may occur in literals. */
export function withPlaceholders(db: unknown, sql: string): string {
  if (sqlDialect(db) !== "postgresql") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createPrismaClient());
