// `npm start`, then `npm run dev`, then `npm start` again, as a developer would on a clean clone:
// each state must serve pages, and /healthz must tell the truth about whether it can. Runs in a
// copy of the project so that the other tests' build/ is not touched.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const COPIED = [
  "app",
  "scripts",
  "prisma",
  "public",
  ".config",
  "remix.config.js",
  "package.json",
  "tsconfig.json",
  "package-lock.json",
];

let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-start-after-dev-"));
  for (const entry of COPIED) {
    fs.cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(path.join(root, "public", "build")),
    });
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  base: string;
}

async function launch(command: string[], env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  // A clean environment as on a developer's machine: no mode, database or port from the test run.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...env };
  for (const name of ["NODE_ENV", "PORTAL_MODE", "DATABASE_URL"]) if (!(name in env)) delete childEnv[name];
  const child = spawn(command[0], command.slice(1), {
    cwd: dir,
    env: childEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${base}/healthz`);
      return { child, output: () => output, base };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`did not start listening:\n${output}`);
}

async function stop(running: Running) {
  if (running.child.exitCode !== null) return;
  const exited = new Promise((resolve) => running.child.once("exit", resolve));
  // The whole process group: `npm run dev` runs remix dev, which runs our server.
  process.kill(-running.child.pid!, "SIGTERM");
  await exited;
}

async function pageStatus(base: string, pathname: string) {
  const response = await fetch(base + pathname, { redirect: "manual" });
  await response.text();
  return response.status;
}

async function health(base: string) {
  const response = await fetch(`${base}/healthz`);
  return { status: response.status, body: (await response.json()) as { render: string; problem?: string } };
}

const npmStart = ["node", "scripts/start.mjs"];
const npmRunDev = ["node", "node_modules/.bin/remix", "dev", "--manual", "-c", "node scripts/dev-server.mjs"];

describe("npm start and npm run dev, alternating", () => {
  it("serves a production build after a development build, and /healthz tells the truth in each state", async () => {
    const first = await launch(npmStart, {});
    expect(first.output()).toContain("building the app for production");
    expect(await pageStatus(first.base, "/en")).toBe(200);
    expect(await health(first.base)).toMatchObject({ status: 200, body: { render: "ok" } });
    await stop(first);

    const dev = await launch(npmRunDev, {});
    // remix dev builds in the background; the server answers once that build exists.
    expect(await pageStatus(dev.base, "/en")).toBe(200);
    expect(await health(dev.base)).toMatchObject({ status: 200, body: { render: "ok" } });
    await stop(dev);
    expect(fs.readFileSync(path.join(dir, "build", "index.js"), "utf8")).toContain('mode = "development"');

    // The development build left in build/ would answer 500 on every page in production mode:
    // served as it is, the server says so on /healthz instead of looking healthy.
    const stale = await launch(["node", "scripts/serve.mjs"], { NODE_ENV: "production", PORTAL_MODE: "evaluation" });
    expect(await pageStatus(stale.base, "/en")).toBe(500);
    const staleHealth = await health(stale.base);
    expect(staleHealth.status).toBe(503);
    expect(staleHealth.body.problem).toMatch(/development build/);
    await stop(stale);

    const second = await launch(npmStart, {});
    expect(second.output()).toContain("build/ was replaced by another build");
    expect(await pageStatus(second.base, "/en")).toBe(200);
    expect(await pageStatus(second.base, "/en/units")).toBe(200);
    expect(await health(second.base)).toMatchObject({ status: 200, body: { render: "ok" } });
    const page = await fetch(`${second.base}/en`).then((r) => r.text());
    expect(page).not.toMatch(/jsxDEV|\/build\/_shared\/.*dev/);
    await stop(second);

    // Nothing changed since: the third start serves the same build without rebuilding.
    const third = await launch(npmStart, {});
    expect(third.output()).not.toContain("building the app");
    expect(await pageStatus(third.base, "/en")).toBe(200);
    await stop(third);
  }, 300_000);
});
