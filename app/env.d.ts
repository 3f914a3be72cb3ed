/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-response Content-Security-Policy nonce set by scripts/serve.mjs. */
    cspNonce?: string;
    /** The client's address as Express sees it (honours X-Forwarded-For only with TRUST_PROXY). */
    clientIp?: string;
    /** Set by the root loader when the request carries a valid session: the response is private. */
    signedIn?: boolean;
  }
}

declare module "@remix-run/server-runtime" {
  // Types of loader/action data under single fetch (remix.config.js sets v3_singleFetch).
  interface Future {
    v3_singleFetch: true;
  }
}
