import { defineConfig } from "@playwright/test";

// A port per run (workers inherit it from the main process's environment), so two runs on one
// machine do not collide; E2E_PORT overrides it.
process.env.E2E_PORT ||= String(3100 + (process.pid % 800));
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "e2e",
  outputDir: "../test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // One server for the whole run, on a fresh database (tests/e2e/server.mjs).
    command: "node tests/e2e/server.mjs",
    cwd: "..",
    url: `http://127.0.0.1:${port}/healthz`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
