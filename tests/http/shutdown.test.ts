// Graceful shutdown of the real server: SIGTERM stops new connections, lets the request in flight
// finish and be saved, closes the database (its WAL folded back into the file), and exits 0.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startChildServer } from "../../scripts/lib/child-server.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migri-shutdown-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("graceful shutdown", () => {
  it("on SIGTERM finishes the request in flight, refuses new connections, closes the database and exits 0", async () => {
    const file = path.join(dir, "portal.db");
    fs.copyFileSync(inject("templateDatabase"), file);
    const server = await startChildServer({
      env: {
        NODE_ENV: "production",
        PORTAL_MODE: "evaluation",
        SESSION_SECRET: "shutdown-test-secret",
        DATABASE_URL: `file:${file}`,
      },
    });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    // A feedback form whose body is still arriving when the signal comes.
    const url = new URL(`${server.baseUrl}/en/accessibility`);
    const message = `Sent across a shutdown ${Date.now()}`;
    const body = new URLSearchParams({ message, name: "", email: "", pageUrl: "" }).toString();
    const answer = new Promise<{ status: number }>((resolve, reject) => {
      const request = http.request(
        url,
        { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
        },
      );
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill("SIGTERM");
        setTimeout(async () => {
          // Meanwhile a new visitor is turned away.
          const refused = await fetch(`${server.baseUrl}/healthz`).then(
            () => "answered",
            (error) => String(error.cause?.code ?? error),
          );
          expect(refused).toBe("ECONNREFUSED");
          request.end(body.slice(10));
        }, 500);
      }, 200);
    });
    expect((await answer).status).toBe(200);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("shutdown: database closed");
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM AccessibilityFeedback WHERE message = ?").get(message)).toEqual({
        n: 1,
      });
    } finally {
      db.close();
    }
  }, 120_000);
});
