// The browser tests' single sign-on stack: the test OpenID provider (with the demo users) on a
// free 127.0.0.1 port, and the portal of tests/e2e/server.mjs configured to use it.
import { DEMO_GROUPS, startOidcProvider, TEST_CLIENT } from "../support/oidc-provider.mjs";

const port = process.env.E2E_SSO_PORT;
if (!port) throw new Error("E2E_SSO_PORT is not set");
const origin = `http://127.0.0.1:${port}`;
const idp = await startOidcProvider({
  redirectUris: [`${origin}/auth/oidc/callback`],
  postLogoutRedirectUris: [`${origin}/`],
});
Object.assign(process.env, {
  E2E_PORT: port,
  PUBLIC_ORIGIN: origin,
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: TEST_CLIENT.clientId,
  OIDC_CLIENT_SECRET: TEST_CLIENT.clientSecret,
  OIDC_ROLE_GROUPS: `${DEMO_GROUPS.hr}=hr_editor,${DEMO_GROUPS.admin}=admin`,
  OIDC_UNIT_CLAIM: "department",
  OIDC_LOGOUT: "provider",
});
await import("./server.mjs");
