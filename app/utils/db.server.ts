// The Prisma client, one per process, on the SQLite file named by DATABASE_URL.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { resolveDatabaseUrl } from "./paths.server";

declare global {
  // Survives module reloads in development, so each rebuild does not open another connection.
  var __prisma: PrismaClient | undefined;
}

export function createPrismaClient(url: string = resolveDatabaseUrl()): PrismaClient {
  // fileMustExist: a wrong path fails at once instead of silently opening an empty database.
  const adapter = new PrismaBetterSqlite3({ url, fileMustExist: true });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createPrismaClient());
