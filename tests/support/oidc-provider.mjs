#!/usr/bin/env node
// A real OpenID provider (oidc-provider) on 127.0.0.1 for the tests and for clicking through single
// sign-on locally (`npm run dev:idp`). Its development sign-in form takes a login name from the
// user list below and accepts any password; a consent step follows. Never use it in production.
import crypto from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import Provider from "oidc-provider";

export const TEST_CLIENT = { clientId: "migri-portal-test", clientSecret: "test-only-client-secret-0123456789" };

/** Groups the demo configuration maps to roles (OIDC_ROLE_GROUPS). */
export const DEMO_GROUPS = { hr: "migri-portal-hr-editors", admin: "migri-portal-admins", staff: "migri-staff" };

/**
 * login name (also the subject, `sub`) → the person's other claims at the provider.
 * @returns {Map<string, Record<string, unknown>>}
 */
export function demoUsers() {
  return new Map(
    Object.entries({
      anna: {
        email: "anna.virtanen@migri.example",
        email_verified: true,
        name: "Anna Virtanen",
        groups: [DEMO_GROUPS.staff],
        department: "digital-services-unit",
      },
      henrik: {
        email: "henrik.lindqvist@migri.example",
        email_verified: true,
        name: "Henrik Lindqvist",
        groups: [DEMO_GROUPS.staff, DEMO_GROUPS.hr],
      },
      // The demo newcomer's own email, verified: the first sign-in links the existing demo account.
      newcomer: {
        email: "newcomer@migri.example",
        email_verified: true,
        name: "Demo Newcomer",
      },
    }),
  );
}

export function generateSigningKey(kid = `key-${crypto.randomBytes(4).toString("hex")}`) {
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
}

/**
 * Starts the provider. `issuer` may name another origin (a proxy in front of it); `users` is
 * read at each sign-in, so a test may change a person's claims between sign-ins.
 * @param {{ port?: number; issuer?: string; redirectUris: string[]; postLogoutRedirectUris?: string[];
 *   users?: Map<string, Record<string, unknown>>; keys?: ReturnType<typeof generateSigningKey>[];
 *   client?: { clientId: string; clientSecret: string } }} options
 */
export async function startOidcProvider({
  port = 0,
  issuer,
  redirectUris,
  postLogoutRedirectUris = [],
  users = demoUsers(),
  keys = [generateSigningKey()],
  client = TEST_CLIENT,
} = {}) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer ?? url, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys },
    cookies: { keys: [crypto.randomBytes(16).toString("hex")] },
    claims: {
      openid: ["sub", "groups", "department"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    // Put the profile and email claims in the ID token, as Entra ID does.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    // The login name is the person's subject (`sub`) at this provider.
    async findAccount(ctx, id) {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ ...user, sub: id }) };
    },
  });
  provider.proxy = true;
  server.on("request", provider.callback());
  return {
    url,
    issuer: issuer ?? url,
    users,
    keys,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// `npm run dev:idp`: the provider with the demo users for a portal on PORTAL_ORIGIN.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const portal = (process.env.PORTAL_ORIGIN || "http://127.0.0.1:3000").replace(/\/+$/, "");
  const idp = await startOidcProvider({
    port: Number(process.env.IDP_PORT || 3400),
    redirectUris: [`${portal}/auth/oidc/callback`],
    postLogoutRedirectUris: [`${portal}/`],
  });
  console.log(`Test identity provider on ${idp.issuer} (for the portal on ${portal}). Start the portal with:

  OIDC_ISSUER=${idp.issuer} OIDC_CLIENT_ID=${TEST_CLIENT.clientId} \\
  OIDC_CLIENT_SECRET=${TEST_CLIENT.clientSecret} \\
  OIDC_ROLE_GROUPS=${DEMO_GROUPS.hr}=hr_editor,${DEMO_GROUPS.admin}=admin \\
  OIDC_UNIT_CLAIM=department OIDC_LOGOUT=provider PUBLIC_ORIGIN=${portal} npm start

Sign in as ${[...demoUsers().keys()].join(", ")} with any password.`);
}
