// Sign-in, sessions and cross-site protection over real HTTP against the built server.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";

const server = useTestServer();
const DEMO_PASSWORD = "migri-demo-2026";

afterAll(async () => {
  // LoginFailure is throttling state, not audit: clear it so other tests in this worker can sign in.
  await prisma.loginFailure.deleteMany();
});

const latestAudit = (action: string) => prisma.auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });

describe("sign-in", () => {
  it("signs in with the right password: a signed, httpOnly, SameSite=Lax session cookie tied to a database row", async () => {
    const client = new Client(server);
    const response = await client.post("/en/login", {
      email: "hr@migri.example",
      password: DEMO_PASSWORD,
      redirectTo: "/en/units?q=x",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/en/units?q=x");
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("__session="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // evaluation mode serves plain http on 127.0.0.1
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "hr@migri.example" } });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
    expect(await latestAudit("auth.sign_in")).toMatchObject({ actorEmail: "hr@migri.example", ipAddress: "127.0.0.1" });
    const page = await client.get("/en/account");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("hr@migri.example");
  });

  it("never stores or logs the password in clear", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "editor@migri.example" } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    const audits = await prisma.auditEvent.findMany();
    expect(audits.some((a) => a.details.includes(DEMO_PASSWORD))).toBe(false);
  });

  it("answers a wrong password or an unknown email with one generic message", async () => {
    const client = new Client(server);
    const wrong = await client.post("/en/login", { email: "editor@migri.example", password: "wrong-password!" });
    const unknown = await client.post("/en/login", { email: "nobody@migri.example", password: "wrong-password!" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    for (const html of [await wrong.text(), await unknown.text()]) {
      expect(html).toContain("The email address or password is wrong.");
    }
    expect(client.cookies.has("__session")).toBe(false);
    expect(await latestAudit("auth.sign_in_failed")).toMatchObject({ actorEmail: "nobody@migri.example" });
  });

  it("only redirects to same-site paths after sign-in", async () => {
    const client = new Client(server);
    const response = await client.post("/fi/login", {
      email: "newcomer@migri.example",
      password: DEMO_PASSWORD,
      redirectTo: "//evil.example/x",
    });
    expect(response.headers.get("Location")).toBe("/fi");
  });

  it("sends signed-out visitors to the sign-in page and back", async () => {
    const client = new Client(server);
    const response = await client.get("/sv/account");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sv/login?redirectTo=%2Fsv%2Faccount");
  });

  it("a forged or unknown session cookie signs nobody in", async () => {
    const client = new Client(server);
    client.cookies.set("__session", "eyJzZXNzaW9uSWQiOiJmb3JnZWQifQ%3D%3D.forged");
    expect((await client.get("/en/account")).status).toBe(302);
  });
});

describe("sign-out", () => {
  it("POST /logout ends the session in the database, so the old cookie no longer works", async () => {
    const client = new Client(server);
    await client.signIn("newcomer@migri.example");
    const oldCookie = client.cookies.get("__session")!;
    const response = await client.post("/logout", { lang: "en" });
    expect(response.status).toBe(302);
    const replay = new Client(server);
    replay.cookies.set("__session", oldCookie);
    expect((await replay.get("/en/account")).status).toBe(302);
    expect(await latestAudit("auth.sign_out")).toMatchObject({ actorEmail: "newcomer@migri.example" });
  });

  it('"sign out everywhere" ends every session of the account', async () => {
    const laptop = new Client(server);
    const phone = new Client(server);
    await laptop.signIn("editor@migri.example");
    await phone.signIn("editor@migri.example");
    expect((await phone.get("/en/account")).status).toBe(200);
    expect((await laptop.post("/en/account", {})).status).toBe(302);
    expect((await phone.get("/en/account")).status).toBe(302);
    expect(await latestAudit("auth.sign_out_everywhere")).toMatchObject({ actorEmail: "editor@migri.example" });
  });
});

describe("cross-site protection and headers", () => {
  it("refuses a state-changing request from another origin with 403", async () => {
    const client = new Client(server);
    const response = await client.post(
      "/en/login",
      { email: "hr@migri.example", password: DEMO_PASSWORD },
      { Origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(client.cookies.has("__session")).toBe(false);
    const sameSite = await client.post("/en/accessibility", { message: "ok" }, { Origin: server.baseUrl });
    expect(sameSite.status).toBe(200);
  });

  it("sends a CSP whose scripts need this response's nonce, and the security headers", async () => {
    const response = await new Client(server).get("/en");
    const csp = response.headers.get("Content-Security-Policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const second = await new Client(server).get("/en");
    expect(second.headers.get("Content-Security-Policy")).not.toBe(csp);
  });
});

describe("throttling", () => {
  beforeEach(async () => {
    await prisma.loginFailure.deleteMany();
  });

  it("5 failures on one account → the next attempt waits (429, Retry-After ≤ 30 s), even with the right password", async () => {
    const client = new Client(server);
    for (let i = 0; i < 5; i++) {
      expect((await client.post("/en/login", { email: "admin@migri.example", password: `guess-${i}` })).status).toBe(
        401,
      );
    }
    const blocked = await client.post("/en/login", { email: "admin@migri.example", password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(await blocked.text()).toContain("Too many failed attempts");
  });

  it("a burst of 20 parallel wrong passwords is counted in full: 5 are checked, 15 wait", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Client(server).post("/en/login", { email: "hr@migri.example", password: `parallel-guess-${i}` }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await prisma.loginFailure.count({ where: { email: "hr@migri.example" } })).toBe(5);
    // The right password right after the burst waits too.
    const right = await new Client(server).post("/en/login", { email: "hr@migri.example", password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
  });

  it("a spoofed X-Forwarded-For does not escape the per-address limit (no TRUST_PROXY)", async () => {
    const client = new Client(server);
    for (let i = 0; i < 20; i++) {
      const response = await client.post(
        "/en/login",
        { email: `guess-${i}@migri.example`, password: "x" },
        { "X-Forwarded-For": `203.0.113.${i}` },
      );
      expect(response.status).toBe(401);
    }
    const blocked = await client.post(
      "/en/login",
      { email: "hr@migri.example", password: DEMO_PASSWORD },
      { "X-Forwarded-For": "198.51.100.7" },
    );
    expect(blocked.status).toBe(429);
    const failures = await prisma.loginFailure.findMany({ where: { email: { startsWith: "guess-" } } });
    expect(new Set(failures.map((f) => f.ipAddress))).toEqual(new Set(["127.0.0.1"]));
  });
});
