// One place that knows where the project lives and where its database is, used by the server,
// the Prisma CLI config, the seed, the scripts and the tests. A relative DATABASE_URL is
// resolved against the project root, never the working directory: otherwise a server started
// from another folder silently opens (or creates) a different, empty database.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "migri-onboarding-portal";

export function findProjectRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, "utf8")).name === PACKAGE_NAME) return dir;
      } catch {
        // not our package.json: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const dataDir = path.join(projectRoot, "data");
export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

/** Absolute path of the SQLite file named by DATABASE_URL (default ./data/portal.db). */
export function databaseFile(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  }
  const file = url.slice("file:".length).replace(/\?.*$/, "");
  return path.isAbsolute(file) ? file : path.resolve(projectRoot, file);
}

/** True for a PostgreSQL URL (postgres:// or postgresql://); otherwise DATABASE_URL names a SQLite file. */
export function isPostgresUrl(url: string | undefined = process.env.DATABASE_URL): boolean {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * DATABASE_URL as an absolute file: URL, with its folder created; a PostgreSQL URL is returned
 * as it is.
 */
export function resolveDatabaseUrl(url?: string): string {
  const given = url ?? process.env.DATABASE_URL;
  if (isPostgresUrl(given)) return given!;
  const file = databaseFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return `file:${file}`;
}
