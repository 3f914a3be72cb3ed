// Starts the built server (scripts/serve.mjs, or scripts/start.mjs: what `npm start` runs, which
// migrates and seeds first) as a child process on 127.0.0.1 and a free port, for tests and
// scripts that must stop it the hard way (SIGKILL) or the polite way (SIGTERM).
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./project.mjs";

/**
 * @param {{ env?: Record<string, string | undefined>, timeoutMs?: number, script?: "serve.mjs" | "start.mjs" }} [options]
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, baseUrl: string,
 *   output: () => string, exited: Promise<{ code: number | null, signal: string | null }> }>}
 */
export function startChildServer({ env = {}, timeoutMs = 60_000, script = "serve.mjs" } = {}) {
  const child = spawn(process.execPath, [path.join(projectRoot, "scripts", script)], {
    cwd: projectRoot,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1], output: () => output, exited });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (output += chunk));
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  });
}
