// The Prisma client, one per process, on the SQLite file named by DATABASE_URL.
import { PrismaClient } from "~/generated/prisma/client";
import { resolveDatabaseUrl } from "./paths.server";
import { DurableSqliteAdapterFactory, type SqliteConnection } from "./sqlite-connection.server";

declare global {
  // Survives module reloads in development, so each rebuild does not open another connection.
  var __prisma: PrismaClient | undefined;
}

// Kept on the client itself: the server build and the tests may each load this module.
const SQLITE_FACTORY = Symbol.for("migri.sqliteAdapterFactory");
type WithFactory = PrismaClient & { [SQLITE_FACTORY]?: DurableSqliteAdapterFactory };

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

export function createPrismaClient(url?: string): PrismaClient {
  return createSqliteClient(url);
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createPrismaClient());
