// Paths and child-process helpers shared by the start, test and benchmark scripts.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { productionBuildProblem, writeBuildInfo } from "./build-info.mjs";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = (name) => path.join(projectRoot, "node_modules", ".bin", name);

/** Runs a command from the project root, streaming its output; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, quiet = false, cwd = projectRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}\n${output}`)),
    );
  });
}

/** Why build/ is not a production build of the current sources, or null when it is. */
export function buildProblem() {
  return productionBuildProblem(projectRoot);
}

/** `remix build` in production mode, then record what was built (see build-info.mjs). */
export async function buildForProduction({ env = process.env, quiet = false } = {}) {
  await run(bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" }, quiet });
  writeBuildInfo(projectRoot, "production");
}

/** Build if needed, apply pending migrations, run the idempotent seed. */
export async function prepare({ env = process.env, log = console.log, build = true } = {}) {
  const problem = build ? buildProblem() : null;
  if (problem) {
    log(`start: building the app for production (${problem})…`);
    await buildForProduction({ env });
  }
  const { pendingSqliteMigrations, sqliteFileOf, withMigrationLock } = await import("./migration-lock.mjs");
  await withMigrationLock(
    env.DATABASE_URL,
    async () => {
      const pending = pendingSqliteMigrations(env.DATABASE_URL);
      if (pending?.length === 0) {
        log("start: no pending migrations, the database has every one");
      } else {
        log("start: applying pending database migrations…");
        try {
          await run(bin("prisma"), ["migrate", "deploy"], { env });
        } catch (error) {
          if (!pending) throw error;
          throw new Error(
            `${error instanceof Error ? error.message : error}\nSQLite applies migrations only with the database file ` +
              `to itself: if another portal process has ${sqliteFileOf(env.DATABASE_URL || undefined)} open, stop it ` +
              "and start this one again.",
            { cause: error },
          );
        }
      }
      log("start: seeding content…");
      await run(bin("tsx"), [path.join("prisma", "seed.ts")], { env });
    },
    { log },
  );
}
