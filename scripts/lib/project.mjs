// Paths and child-process helpers shared by the start, test and benchmark scripts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = (name) => path.join(projectRoot, "node_modules", ".bin", name);

/** Runs a command from the project root, streaming its output; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
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

/** True when build/ is missing or older than any source it is built from. */
export function buildIsStale() {
  const built = path.join(projectRoot, "build", "index.js");
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return newer(full);
      return fs.statSync(full).mtimeMs > builtAt;
    });
  return (
    newer(path.join(projectRoot, "app")) || fs.statSync(path.join(projectRoot, "remix.config.js")).mtimeMs > builtAt
  );
}

/** Build if needed, apply pending migrations, run the idempotent seed. */
export async function prepare({ env = process.env, log = console.log, build = true } = {}) {
  if (build && buildIsStale()) {
    log("start: building the app (remix build)…");
    await run(bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" } });
  }
  const { withMigrationLock } = await import("./migration-lock.mjs");
  await withMigrationLock(
    env.DATABASE_URL,
    async () => {
      log("start: applying pending database migrations…");
      await run(bin("prisma"), ["migrate", "deploy"], { env });
      log("start: seeding content…");
      await run(bin("tsx"), [path.join("prisma", "seed.ts")], { env });
    },
    { log },
  );
}
