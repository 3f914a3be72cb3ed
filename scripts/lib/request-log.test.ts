// The request log as an operator reads it: the built server in a child process, its stdout parsed
// line by line as JSON.
import type { ChildProcess } from "node:child_process";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { Client } from "../../tests/support/http";
import { startChildServer } from "./child-server.mjs";
import { createLogger, loggablePath } from "./request-log.mjs";

let server: { baseUrl: string; child: ChildProcess; output: () => string };
/** Everything the server has written so far (stdout and stderr). */
const logged = () => server.output();

beforeAll(async () => {
  server = await startChildServer({
    env: { NODE_ENV: "production", PORTAL_MODE: "evaluation", LOG_LEVEL: "info", ENABLE_TEST_ROUTES: "1" },
  });
}, 90_000);

afterAll(() => {
  server?.child.kill("SIGTERM");
});

type Line = Record<string, unknown>;
/** The JSON lines written so far, once the line for this request id has arrived. */
async function linesAfter(requestId: string | null): Promise<Line[]> {
  // The request's own line comes last (after an error line that names the same id).
  const written = () =>
    logged()
      .split("\n")
      .some((l) => l.includes(requestId!) && l.includes('"msg":"request"'));
  for (let i = 0; i < 100 && requestId && !written(); i++) await new Promise((r) => setTimeout(r, 50));
  return logged()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);
}
const lineFor = async (response: Response) => {
  const id = response.headers.get("X-Request-Id");
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const lines = (await linesAfter(id)).filter((l) => l.reqId === id && l.msg === "request");
  expect(lines).toHaveLength(1);
  return lines[0];
};

describe("the request log", () => {
  it("writes one JSON line per request: time, request id (also the X-Request-Id header), method, path, status, duration", async () => {
    const response = await new Client(server).get("/en/units?q=secret-query-text");
    const line = await lineFor(response);
    expect(line).toMatchObject({ method: "GET", path: "/en/units", status: 200, level: 30 });
    expect(new Date(String(line.time)).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty("userId");
    expect(logged()).not.toContain("secret-query-text");
  });

  it("names the signed-in user by id, never the password, the session cookie or the form body", async () => {
    const client = new Client(server);
    const signIn = await client.post("/en/login", {
      email: "newcomer@migri.example",
      password: "migri-demo-2026",
      redirectTo: "/en",
    });
    expect(signIn.status).toBe(302);
    expect(await lineFor(signIn)).toMatchObject({ method: "POST", path: "/en/login", status: 302 });
    const account = await client.get("/en/account");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "newcomer@migri.example" } });
    expect(await lineFor(account)).toMatchObject({ path: "/en/account", status: 200, userId: user.id });
    expect(logged()).not.toContain("migri-demo-2026");
    expect(logged()).not.toContain("newcomer@migri.example");
    for (const value of client.cookies.values()) expect(logged()).not.toContain(decodeURIComponent(value).slice(0, 20));
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    for (const session of sessions) expect(logged()).not.toContain(session.id);
  });

  it("redacts share tokens from paths", async () => {
    const response = await new Client(server).get("/en/summaries/shared/very-secret-share-token-123");
    expect(await lineFor(response)).toMatchObject({ path: "/en/summaries/shared/[redacted]" });
    expect(logged()).not.toContain("very-secret-share-token-123");
    expect(loggablePath("/fi/summaries/shared/abc.pdf?x=1#y")).toBe("/fi/summaries/shared/[redacted]");
  });

  it("redacts calendar subscription tokens from paths", async () => {
    const response = await new Client(server).get("/en/onboarding/calendar/very-secret-calendar-token-456.ics");
    expect(response.status).toBe(404);
    expect(await lineFor(response)).toMatchObject({ path: "/en/onboarding/calendar/[redacted]", status: 404 });
    expect(logged()).not.toContain("very-secret-calendar-token-456");
    expect(loggablePath("/sv/onboarding/calendar/abc.ics")).toBe("/sv/onboarding/calendar/[redacted]");
    // The feed's own address names no token.
    expect(loggablePath("/fi/onboarding/calendar.ics?x=1")).toBe("/fi/onboarding/calendar.ics");
  });

  it("logs pages answered from the page cache, 304s and refused (413) requests too", async () => {
    const reader = new Client(server);
    await reader.get("/en/values");
    const cached = await reader.get("/en/values");
    expect(cached.status).toBe(200);
    expect(await lineFor(cached)).toMatchObject({ method: "GET", path: "/en/values", status: 200 });
    const etag = cached.headers.get("ETag");
    expect(etag).toBeTruthy();
    const notModified = await fetch(`${server.baseUrl}/en/values`, { headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);
    expect(await lineFor(notModified)).toMatchObject({ path: "/en/values", status: 304 });
    const tooLarge = await fetch(`${server.baseUrl}/en/login?token=secret-in-query`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl },
      body: `email=${"x".repeat(2_000_000)}`,
    });
    expect(tooLarge.status).toBe(413);
    expect(await lineFor(tooLarge)).toMatchObject({ method: "POST", path: "/en/login", status: 413 });
    expect(logged()).not.toContain("secret-in-query");
  });

  it("logs an error once, with its stack, to the log and not to the response", async () => {
    const response = await new Client(server).get("/en/error-test");
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret-internal-detail");
    const id = response.headers.get("X-Request-Id")!;
    const errors = (await linesAfter(id)).filter((l) => l.reqId === id && l.level === 50);
    expect(errors).toHaveLength(1);
    expect((errors[0].err as { stack: string }).stack).toMatch(/Deliberate error[\s\S]*\n\s+at /);
    // Once: in that JSON line only, not also printed raw by someone else.
    const mentions = logged()
      .split("\n")
      .filter((l) => l.includes("Deliberate error"));
    expect(mentions).toHaveLength(1);
    expect(await lineFor(response)).toMatchObject({ status: 500 });
  });

  it("follows LOG_LEVEL", () => {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        written.push(String(chunk));
        callback();
      },
    });
    const quiet = createLogger({ level: "warn", destination: sink });
    quiet.info({ path: "/" }, "request");
    quiet.warn("something to see");
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0])).toMatchObject({ level: 40, msg: "something to see" });
  });
});
