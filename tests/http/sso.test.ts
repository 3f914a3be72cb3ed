// Single sign-on over real HTTP: the built portal, a real OpenID provider (oidc-provider) and the
// tests' own tampering proxy in front of it, all on 127.0.0.1. A small browser stand-in follows
// the redirects, keeps each origin's cookies, and fills in the provider's sign-in and consent forms.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { Client, useTestServer } from "../support/http";
import { DEMO_GROUPS, generateSigningKey, startOidcProvider, TEST_CLIENT } from "../support/oidc-provider.mjs";
import { decodeJwt, resignWith, signJwt, startTamperProxy } from "../support/oidc-tamper-proxy.mjs";

const server = useTestServer();
type Provider = Awaited<ReturnType<typeof startOidcProvider>>;
let provider: Provider;
let proxy: Awaited<ReturnType<typeof startTamperProxy>>;
let signingKey = generateSigningKey("first-key");
const users = new Map<string, Record<string, unknown>>();

async function startProvider() {
  provider = await startOidcProvider({
    issuer: proxy.url,
    redirectUris: [`${server.baseUrl}/auth/oidc/callback`],
    postLogoutRedirectUris: [`${server.baseUrl}/`],
    users,
    keys: [signingKey],
  });
  proxy.setTarget(provider.url);
}

const ENV = {
  OIDC_CLIENT_ID: TEST_CLIENT.clientId,
  OIDC_CLIENT_SECRET: TEST_CLIENT.clientSecret,
  OIDC_ROLE_GROUPS: `${DEMO_GROUPS.hr}=hr_editor,${DEMO_GROUPS.admin}=admin`,
  OIDC_UNIT_CLAIM: "department",
};

beforeAll(async () => {
  proxy = await startTamperProxy();
  await startProvider();
  Object.assign(process.env, ENV, { OIDC_ISSUER: proxy.url, PUBLIC_ORIGIN: server.baseUrl });
});

afterAll(async () => {
  for (const key of [...Object.keys(ENV), "OIDC_ISSUER", "PUBLIC_ORIGIN", "PASSWORD_SIGN_IN", "OIDC_LOGOUT"]) {
    delete process.env[key];
  }
  await prisma.loginFailure.deleteMany();
  await provider.close();
  await proxy.close();
});

let serial = 0;
/** A new person at the provider; returns their login name. */
function person(claims: Record<string, unknown> = {}) {
  const login = `person${++serial}-${Date.now()}`;
  users.set(login, {
    email: `${login}@migri.example`,
    email_verified: true,
    name: `Person ${serial}`,
    ...claims,
  });
  return login;
}

/** A browser stand-in: cookies per origin, redirects followed by hand. */
class Browser {
  jars = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}) {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair.split("=");
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value.join("=") === "") jar.delete(name.trim());
      else jar.set(name.trim(), value.join("="));
    }
    return response;
  }

  portalCookie(name: string) {
    return this.jars.get(server.baseUrl)?.get(name);
  }

  /**
   * From the portal's sign-in link through the provider's forms, up to (not into) the portal's
   * callback. Returns the callback URL the provider sent the browser to.
   */
  async untilCallback(login: string | null, options: { lang?: string; cancel?: boolean } = {}) {
    const lang = options.lang ?? "en";
    let url = `${server.baseUrl}/auth/oidc/start?lang=${lang}&redirectTo=/${lang}/account`;
    let init: RequestInit = {};
    for (let hop = 0; hop < 20; hop++) {
      if (url.startsWith(`${server.baseUrl}/auth/oidc/callback`)) return url;
      const response = await this.request(url, init);
      init = {};
      const location = response.headers.get("Location");
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      const html = await response.text();
      expect(response.status, html.slice(0, 300)).toBe(200);
      const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1], url).href;
      if (html.includes('name="prompt" value="login"')) {
        if (options.cancel) {
          url = `${action}/abort`;
          continue;
        }
        init = { method: "POST", body: new URLSearchParams({ prompt: "login", login: login!, password: "any" }) };
      } else {
        init = { method: "POST", body: new URLSearchParams({ prompt: "consent" }) };
      }
      url = action;
    }
    throw new Error("too many redirects");
  }

  /** A whole sign-in; returns the portal's last answer (a redirect to the page or to an error page). */
  async signIn(login: string, options: { lang?: string } = {}) {
    return this.request(await this.untilCallback(login, options));
  }
}

const userByLogin = (login: string) =>
  prisma.user.findUnique({ where: { email: String(users.get(login)!.email) }, include: { identities: true } });
const latestAudit = (action: string) => prisma.auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });

async function expectRefused(response: Response, browser: Browser, reason: string, status: number) {
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(`/en/login/failed?reason=${reason}`);
  expect(browser.portalCookie("__session")).toBeUndefined();
  const page = await browser.request(server.baseUrl + response.headers.get("Location"));
  expect(page.status).toBe(status);
  const html = await page.text();
  expect(html).not.toMatch(/ at .*\.(js|ts):\d+/); // no stack trace
  const audit = await latestAudit("auth.sign_in_refused");
  expect(JSON.parse(audit!.details)).toMatchObject({ reason });
  return html;
}

describe("single sign-on: accounts", () => {
  it("first sign-in creates an employee account without a password, keyed by issuer and subject", async () => {
    const login = person({ department: "digital-services-unit", groups: [DEMO_GROUPS.staff] });
    const browser = new Browser();
    const response = await browser.signIn(login);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/en/account");
    const user = await userByLogin(login);
    expect(user).toMatchObject({ role: "employee", passwordHash: null, name: users.get(login)!.name });
    expect(user!.identities).toMatchObject([{ issuer: proxy.url, subject: login }]);
    const unit = await prisma.unit.findUniqueOrThrow({ where: { slug: "digital-services-unit" } });
    expect(user!.homeUnitId).toBe(unit.id);
    expect(await latestAudit("user.create")).toMatchObject({
      targetId: String(user!.id),
      actorEmail: "identity provider",
    });
    // The transaction cookie is gone; the session works.
    expect(browser.portalCookie("__oidc")).toBeUndefined();
    const account = await browser.request(`${server.baseUrl}/en/account`);
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(String(users.get(login)!.email));
    // An account made by single sign-on has no password to guess.
    const password = await new Client(server).post("/en/login", { email: user!.email, password: "" });
    expect(password.status).toBe(401);
  });

  it("second sign-in updates the name and email from the token, on the same account", async () => {
    const login = person();
    await new Browser().signIn(login);
    const first = await userByLogin(login);
    const claims = users.get(login)!;
    claims.name = "Renamed Person";
    claims.email = `renamed.${Date.now()}@migri.example`;
    const response = await new Browser().signIn(login);
    expect(response.headers.get("Location")).toBe("/en/account");
    const after = await prisma.user.findUniqueOrThrow({ where: { id: first!.id } });
    expect(after).toMatchObject({ name: "Renamed Person", email: claims.email });
    expect(await prisma.user.count({ where: { name: "Renamed Person" } })).toBe(1);
  });

  it("group mapping gives HR editor, is shown as managed by the provider, and ends the person's other sessions", async () => {
    const login = person({ groups: [DEMO_GROUPS.staff] });
    const earlier = new Browser();
    await earlier.signIn(login);
    expect((await userByLogin(login))!.role).toBe("employee");
    users.get(login)!.groups = [DEMO_GROUPS.staff, DEMO_GROUPS.hr];
    await new Browser().signIn(login);
    const user = await userByLogin(login);
    expect(user).toMatchObject({ role: "hr_editor", roleFromIdp: true });
    expect(await latestAudit("user.role_change")).toMatchObject({ targetId: String(user!.id) });
    // The browser signed in before the change is signed out.
    const stale = await earlier.request(`${server.baseUrl}/en/account`);
    expect(stale.status).toBe(302);
    // The admin sees who decides the role.
    const admin = new Client(server);
    await admin.signIn("admin@migri.example");
    const list = await (await admin.get("/en/admin/users")).text();
    expect(list).toContain("HR editor (managed by the identity provider)");
  });

  it("a token without the groups claim changes nothing", async () => {
    const login = person({ groups: [DEMO_GROUPS.hr] });
    await new Browser().signIn(login);
    delete users.get(login)!.groups;
    await new Browser().signIn(login);
    expect(await userByLogin(login)).toMatchObject({ role: "hr_editor", roleFromIdp: true });
  });

  it("keeps the last admin an admin when the groups would demote them", async () => {
    const login = person({ groups: [DEMO_GROUPS.admin] });
    await new Browser().signIn(login);
    const user = (await userByLogin(login))!;
    expect(user.role).toBe("admin");
    // Make this the only enabled admin.
    const others = await prisma.user.findMany({ where: { role: "admin", disabledAt: null, id: { not: user.id } } });
    await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      users.get(login)!.groups = [DEMO_GROUPS.staff];
      const response = await new Browser().signIn(login);
      expect(response.headers.get("Location")).toBe("/en/account");
      expect((await userByLogin(login))!.role).toBe("admin");
      expect(await latestAudit("user.role_change_refused")).toMatchObject({ targetId: String(user.id) });
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
  });

  it("links an existing password account once, only when the provider vouches for the email", async () => {
    // Not verified and not a trusted domain: a clear refusal, nothing linked.
    const login = person({ email: "manager@migri.example", email_verified: false });
    const browser = new Browser();
    const html = await expectRefused(await browser.signIn(login), browser, "email_taken", 409);
    expect(html).toContain("Your email address is already in use");
    const manager = await prisma.user.findUniqueOrThrow({
      where: { email: "manager@migri.example" },
      include: { identities: true },
    });
    expect(manager.identities).toEqual([]);
    // The agency's own domain is trusted (Entra ID sends no email_verified): linked, audited.
    process.env.OIDC_TRUSTED_EMAIL_DOMAINS = "migri.example";
    try {
      const linked = await new Browser().signIn(login);
      expect(linked.headers.get("Location")).toBe("/en/account");
      const after = await prisma.user.findUniqueOrThrow({ where: { id: manager.id }, include: { identities: true } });
      expect(after.identities).toHaveLength(1);
      expect(after.passwordHash).toBe(manager.passwordHash);
      expect(await latestAudit("user.identity_link")).toMatchObject({ targetId: String(manager.id) });
      // A second identity with the same email is not linked again.
      const other = person({ email: "manager@migri.example", email_verified: true });
      const second = new Browser();
      await expectRefused(await second.signIn(other), second, "email_taken", 409);
    } finally {
      delete process.env.OIDC_TRUSTED_EMAIL_DOMAINS;
    }
  });

  it("refuses an email that another account already has, with a page and an audit entry, not a 500", async () => {
    const login = person();
    await new Browser().signIn(login);
    users.get(login)!.email = "editor@migri.example";
    const browser = new Browser();
    await expectRefused(await browser.signIn(login), browser, "email_taken", 409);
    expect((await latestAudit("auth.sign_in_refused"))!.details).toContain(
      "refreshed email belongs to another account",
    );
  });

  it("refuses a disabled user", async () => {
    const login = person();
    await new Browser().signIn(login);
    await prisma.user.update({ where: { email: String(users.get(login)!.email) }, data: { disabledAt: new Date() } });
    const browser = new Browser();
    const html = await expectRefused(await browser.signIn(login), browser, "disabled", 403);
    expect(html).toContain("Your portal account is disabled");
  });
});

describe("single sign-on: refusals", () => {
  const tokenRefusal = async (change: (claims: Record<string, unknown>) => Record<string, unknown>) => {
    const login = person();
    const browser = new Browser();
    const callback = await browser.untilCallback(login);
    proxy.tamperNextIdToken(resignWith(signingKey, change));
    await expectRefused(await browser.request(callback), browser, "token", 401);
    expect(await userByLogin(login)).toBeNull();
  };

  it("refuses an ID token with a forged signature", async () => {
    const login = person();
    const browser = new Browser();
    const callback = await browser.untilCallback(login);
    const attackerKey = { ...generateSigningKey(signingKey.kid) };
    proxy.tamperNextIdToken((jwt: string) => {
      const { header, payload } = decodeJwt(jwt);
      return signJwt(header, { ...payload, email: "admin@migri.example" }, attackerKey);
    });
    await expectRefused(await browser.request(callback), browser, "token", 401);
    expect(await userByLogin(login)).toBeNull();
  });

  it("refuses an ID token for another audience", () => tokenRefusal((c) => ({ ...c, aud: "another-client" })));

  it("refuses an ID token from another issuer", () =>
    tokenRefusal((c) => ({ ...c, iss: "http://127.0.0.1:1/not-the-issuer" })));

  it("refuses an expired ID token", () =>
    tokenRefusal((c) => ({
      ...c,
      iat: Math.floor(Date.now() / 1000) - 7200,
      exp: Math.floor(Date.now() / 1000) - 3600,
    })));

  it("refuses an ID token without the nonce", () =>
    tokenRefusal((c) => {
      delete c.nonce;
      return c;
    }));

  it("refuses an ID token with another sign-in's nonce", () => tokenRefusal((c) => ({ ...c, nonce: "someone-elses" })));

  it("refuses a mismatched state", async () => {
    const login = person();
    const browser = new Browser();
    const callback = new URL(await browser.untilCallback(login));
    callback.searchParams.set("state", "forged-state");
    await expectRefused(await browser.request(callback.href), browser, "state", 400);
    expect(await userByLogin(login)).toBeNull();
  });

  it("refuses a callback without this browser's sign-in attempt (login CSRF)", async () => {
    const login = person();
    const callback = await new Browser().untilCallback(login);
    const victim = new Browser();
    await expectRefused(await victim.request(callback), victim, "state", 400);
  });

  it("refuses a replayed code, even with the original cookie", async () => {
    const login = person();
    const browser = new Browser();
    const callback = await browser.untilCallback(login);
    const attemptCookie = browser.portalCookie("__oidc")!;
    const first = await browser.request(callback);
    expect(first.headers.get("Location")).toBe("/en/account");
    const sessions = await prisma.session.count();
    const replay = new Browser();
    replay.jars.set(server.baseUrl, new Map([["__oidc", attemptCookie]]));
    await expectRefused(await replay.request(callback), replay, "state", 400);
    expect(await prisma.session.count()).toBe(sessions);
  });

  it("says so when the sign-in was cancelled at the provider", async () => {
    const login = person();
    const browser = new Browser();
    const callback = await browser.untilCallback(login, { cancel: true });
    expect(callback).toContain("error=access_denied");
    const html = await expectRefused(await browser.request(callback), browser, "cancelled", 401);
    expect(html).toContain("The sign-in was cancelled");
  });

  it("shows the error page in the reader's language", async () => {
    const login = person();
    const browser = new Browser();
    const callback = new URL(await browser.untilCallback(login, { lang: "fi" }));
    callback.searchParams.set("state", "forged-state");
    const response = await browser.request(callback.href);
    expect(response.headers.get("Location")).toBe("/fi/login/failed?reason=state");
    const page = await browser.request(server.baseUrl + response.headers.get("Location"));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Kirjautumista ei voitu viedä loppuun");
    const sv = await browser.request(`${server.baseUrl}/sv/login/failed?reason=unreachable`);
    expect(await sv.text()).toContain("Inloggningstjänsten svarade inte");
  });

  it("follows the provider's key rotation (a new signing key in its JWKS)", async () => {
    const login = person();
    expect((await new Browser().signIn(login)).headers.get("Location")).toBe("/en/account");
    await provider.close();
    signingKey = generateSigningKey("second-key");
    await startProvider();
    // The portal fetches the JWKS again when a token names an unknown key, at most once a minute.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    try {
      const again = await new Browser().signIn(login);
      expect(again.headers.get("Location")).toBe("/en/account");
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the 'provider unreachable' page when the provider is down", async () => {
    const login = person();
    const browser = new Browser();
    const callback = await browser.untilCallback(login);
    proxy.setDown(true);
    try {
      const html = await expectRefused(await browser.request(callback), browser, "unreachable", 503);
      expect(html).toContain("The sign-in service did not answer");
    } finally {
      proxy.setDown(false);
    }
    // Before any discovery: the sign-in link itself leads to the page.
    process.env.OIDC_ISSUER = "http://127.0.0.1:9/nothing-listens-here";
    try {
      const fresh = new Browser();
      const start = await fresh.request(`${server.baseUrl}/auth/oidc/start?lang=en`);
      expect(start.headers.get("Location")).toBe("/en/login/failed?reason=unreachable");
    } finally {
      process.env.OIDC_ISSUER = proxy.url;
    }
  });
});

describe("single sign-on: sign-in page, passwords and sign-out", () => {
  it("shows 'Sign in with your Migri account' first, in each language, above the password form", async () => {
    const client = new Client(server);
    const expected = {
      en: "Sign in with your Migri account",
      fi: "Kirjaudu Migrin tunnuksellasi",
      sv: "Logga in med ditt Migri-konto",
    };
    for (const [lang, text] of Object.entries(expected)) {
      const html = await (await client.get(`/${lang}/login`)).text();
      expect(html).toContain(text);
      expect(html.indexOf(text)).toBeLessThan(html.indexOf('name="password"'));
    }
  });

  it("PASSWORD_SIGN_IN=off removes the password form and refuses password posts; the break-glass path stays for admins", async () => {
    process.env.PASSWORD_SIGN_IN = "off";
    try {
      const client = new Client(server);
      const page = await (await client.get("/en/login")).text();
      expect(page).toContain("Sign in with your Migri account");
      expect(page).not.toContain('name="password"');
      const post = await client.post("/en/login", { email: "hr@migri.example", password: "migri-demo-2026" });
      expect(post.status).toBe(403);
      expect(client.cookies.has("__session")).toBe(false);
      expect(await latestAudit("auth.password_sign_in_refused")).toMatchObject({ actorEmail: "hr@migri.example" });

      const notAdmin = await client.post("/en/login/break-glass", {
        email: "hr@migri.example",
        password: "migri-demo-2026",
      });
      expect(notAdmin.status).toBe(401);
      expect(await latestAudit("auth.break_glass_failed")).toMatchObject({ actorEmail: "hr@migri.example" });
      const admin = await client.post("/en/login/break-glass", {
        email: "admin@migri.example",
        password: "migri-demo-2026",
      });
      expect(admin.status).toBe(302);
      expect(client.cookies.has("__session")).toBe(true);
      expect(await latestAudit("auth.break_glass_sign_in")).toMatchObject({ actorEmail: "admin@migri.example" });
    } finally {
      delete process.env.PASSWORD_SIGN_IN;
    }
  });

  it("signs out of the portal only by default, and at the provider too with OIDC_LOGOUT=provider", async () => {
    const login = person();
    const browser = new Browser();
    await browser.signIn(login);
    const out = await browser.request(`${server.baseUrl}/logout`, {
      method: "POST",
      body: new URLSearchParams({ lang: "en" }),
    });
    expect(out.headers.get("Location")).toBe("/en");
    expect(browser.portalCookie("__session")).toBeUndefined();

    process.env.OIDC_LOGOUT = "provider";
    try {
      await browser.signIn(login);
      const user = (await userByLogin(login))!;
      const atProvider = await browser.request(`${server.baseUrl}/logout`, {
        method: "POST",
        body: new URLSearchParams({ lang: "en" }),
      });
      const location = new URL(atProvider.headers.get("Location")!);
      expect(location.origin + location.pathname).toBe(`${proxy.url}/session/end`);
      expect(location.searchParams.get("post_logout_redirect_uri")).toBe(`${server.baseUrl}/`);
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
      // The provider asks to confirm, ends its session and sends the browser back to the portal.
      const confirm = await browser.request(location.href);
      const html = await confirm.text();
      const form = /<form[^>]*action="([^"]+)"[\s\S]*?name="xsrf" value="([^"]+)"/.exec(html)!;
      const done = await browser.request(new URL(form[1], location).href, {
        method: "POST",
        body: new URLSearchParams({ xsrf: form[2], logout: "yes" }),
      });
      expect(done.headers.get("Location")).toBe(`${server.baseUrl}/`);
    } finally {
      delete process.env.OIDC_LOGOUT;
    }
  });
});
