import { describe, expect, it } from "vitest";
import { allowedOrigins, isCrossSiteMutation, trustProxySetting } from "./origins.mjs";

function request(method: string, headers: Record<string, string>, protocol = "http") {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, protocol, get: (name: string) => lower[name.toLowerCase()] };
}

describe("TRUST_PROXY", () => {
  it("understands true, a hop count and a list of addresses", () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting("")).toBe(false);
    expect(trustProxySetting("false")).toBe(false);
    expect(trustProxySetting("true")).toBe(true);
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("2")).toBe(2);
    expect(trustProxySetting("10.0.0.1, 192.168.0.0/16,loopback")).toEqual(["10.0.0.1", "192.168.0.0/16", "loopback"]);
  });

  it("stops with a message naming the setting for what it cannot read", () => {
    expect(() => trustProxySetting("proxy.example")).toThrow(/TRUST_PROXY/);
  });
});

describe("allowed origins", () => {
  it("requires PUBLIC_ORIGIN in production, with a clear message", () => {
    expect(() => allowedOrigins({ mode: "production", env: {} })).toThrow(/PUBLIC_ORIGIN is required in production/);
    expect(allowedOrigins({ mode: "evaluation", env: {} })).toEqual([]);
  });

  it("reads PUBLIC_ORIGIN and ALLOWED_ORIGINS as origins, refusing paths", () => {
    const env = {
      PUBLIC_ORIGIN: "https://perehdytys.migri.fi",
      ALLOWED_ORIGINS: "https://intra.migri.fi, http://localhost:3000",
    };
    expect(allowedOrigins({ mode: "production", env })).toEqual([
      "https://perehdytys.migri.fi",
      "https://intra.migri.fi",
      "http://localhost:3000",
    ]);
    expect(() => allowedOrigins({ mode: "production", env: { PUBLIC_ORIGIN: "https://x.fi/portal" } })).toThrow(
      /PUBLIC_ORIGIN/,
    );
  });
});

describe("cross-site check", () => {
  it("compares scheme and host with the request's own origin when none is configured", () => {
    const host = { Host: "portal.test:3000" };
    expect(isCrossSiteMutation(request("POST", { ...host, Origin: "http://portal.test:3000" }))).toBe(false);
    expect(isCrossSiteMutation(request("POST", { ...host, Origin: "https://portal.test:3000" }))).toBe(true);
    expect(isCrossSiteMutation(request("POST", { ...host, Origin: "http://evil.test" }))).toBe(true);
    expect(isCrossSiteMutation(request("POST", { ...host, Origin: "null" }))).toBe(true);
    expect(isCrossSiteMutation(request("GET", { ...host, Origin: "http://evil.test" }))).toBe(false);
  });

  it("behind a proxy that rewrites Host, compares with the configured origins", () => {
    const origins = ["https://perehdytys.migri.fi"];
    const proxied = { Host: "127.0.0.1:3000", Origin: "https://perehdytys.migri.fi" };
    expect(isCrossSiteMutation(request("POST", proxied), origins)).toBe(false);
    expect(isCrossSiteMutation(request("POST", { ...proxied, Origin: "http://perehdytys.migri.fi" }), origins)).toBe(
      true,
    );
    expect(isCrossSiteMutation(request("POST", { ...proxied, Origin: "http://127.0.0.1:3000" }), origins)).toBe(true);
  });

  it("without Origin, follows Fetch Metadata", () => {
    expect(isCrossSiteMutation(request("POST", { "Sec-Fetch-Site": "cross-site" }))).toBe(true);
    expect(isCrossSiteMutation(request("POST", { "Sec-Fetch-Site": "same-origin" }))).toBe(false);
    expect(isCrossSiteMutation(request("POST", {}))).toBe(false);
  });
});

describe("a production start", () => {
  it("stops with exit code 1 and a clear message when PUBLIC_ORIGIN is missing", async () => {
    const { spawnSync } = await import("node:child_process");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORTAL_MODE: "production",
      SESSION_SECRET: "a-secret-for-this-test-only",
      PORT: "0",
    };
    delete env.PUBLIC_ORIGIN;
    const result = spawnSync(process.execPath, ["scripts/serve.mjs"], { env, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PUBLIC_ORIGIN is required in production");
  });
});
