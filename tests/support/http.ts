// Real HTTP for vitest: the built server (scripts/serve.mjs) on 127.0.0.1 and a free port, on
// this worker's database, with a small cookie-aware client.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export function useTestServer() {
  const state = { baseUrl: "", server: undefined as Server | undefined };
  beforeAll(async () => {
    process.env.PORTAL_MODE ??= "evaluation";
    const { startServer } = await import("../../scripts/serve.mjs");
    state.server = (await startServer({ host: "127.0.0.1", port: 0 })) as Server;
    state.baseUrl = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (state.server ? state.server.close(() => resolve()) : resolve())));
  return state;
}

export class Client {
  cookies = new Map<string, string>();
  constructor(private readonly server: { baseUrl: string }) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(this.server.baseUrl + path, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair.split("=");
      const cleared = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line);
      if (cleared) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request(path, { headers });
  }

  post(path: string, fields: Record<string, string | string[]>, headers?: Record<string, string>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
    return this.request(path, { method: "POST", body, headers });
  }

  async signIn(email: string, password = "migri-demo-2026", lang = "en") {
    const response = await this.post(`/${lang}/login`, { email, password, redirectTo: `/${lang}` });
    if (response.status !== 302) throw new Error(`sign-in of ${email} failed with ${response.status}`);
    return response;
  }
}
