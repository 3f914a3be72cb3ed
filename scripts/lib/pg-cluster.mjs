// A throwaway PostgreSQL cluster for tests and maintenance scripts: initdb in a temporary folder,
// started on 127.0.0.1 and a free port, stopped (and its folder removed) by `stop()`.
// PostgreSQL refuses to run as root: as root the server runs as the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const INSTALL_POSTGRES = "sudo apt-get update && sudo apt-get install -y postgresql";

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin() {
  const candidates = [process.env.POSTGRES_BIN, "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin"];
  candidates.push("/usr/lib/postgresql/15/bin");
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function asServerUser(command, args, options = {}) {
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(cmd, argv, { stdio: "pipe", ...options });
}

/**
 * Starts a cluster; resolves to { port, url(database), adminUrl, dir, stop() }.
 * `url("name")` is a connection URL for that database (user postgres, trust authentication).
 */
export async function startPostgresCluster({ log = () => {} } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed. Install it with:  ${INSTALL_POSTGRES}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-pg-"));
  if (isRoot()) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  asServerUser(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=200",
    // A throwaway cluster: durability is not what the tests measure.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  asServerUser(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-o",
    options,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "start",
  ]);
  log(`postgres: cluster on 127.0.0.1:${port} (${dir})`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(isRoot() ? "runuser" : path.join(bin, "pg_ctl"), [
      ...(isRoot() ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
      "-D",
      data,
      "-m",
      "immediate",
      "-w",
      "stop",
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = (database) => `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { port, dir, bin, url, adminUrl: url("postgres"), stop };
}
