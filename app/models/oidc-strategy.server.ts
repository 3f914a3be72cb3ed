// A remix-auth strategy for OpenID Connect over openid-client: discovery, authorization code
// flow with PKCE, state and nonce, and a validated ID token (signature from the provider's JWKS,
// issuer, audience, expiry, nonce). The state, nonce and PKCE verifier travel in a signed
// cookie that lives ten minutes, so the callback may reach any server process.
import { createCookie, redirect } from "@remix-run/node";
import * as client from "openid-client";
import { Strategy } from "remix-auth/strategy";
import { defaultLang, isLang, type Lang } from "~/i18n";
import { preferredLanguage } from "~/i18n/negotiate.server";
import { isProductionMode, sessionSecret } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { CALLBACK_PATH, redirectUri, ssoSettings, type SsoSettings } from "./sso-settings.server";

/** Why a sign-in through the provider failed; each has its own page for the reader. */
export type OidcFailure =
  | "unreachable" // the provider did not answer (discovery, JWKS or token endpoint)
  | "state" // no, expired, mismatched or already used sign-in attempt (state, code)
  | "token" // the ID token failed validation (signature, issuer, audience, expiry, nonce)
  | "cancelled" // the person cancelled at the provider
  | "provider"; // the provider answered with another error

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailure,
    /** For the audit log: what went wrong, never a token. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface SignInTransaction {
  state: string;
  nonce: string;
  verifier: string;
  lang: Lang;
  redirectTo: string;
  /** Epoch milliseconds; checked on the server too, not only by the cookie's expiry. */
  startedAt: number;
}

export type IdTokenClaims = client.IDToken;

export interface OidcVerifyParams {
  claims: IdTokenClaims;
  settings: SsoSettings;
  transaction: SignInTransaction;
  request: Request;
}

export const TRANSACTION_TTL_SECONDS = 10 * 60;
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const PROVIDER_TIMEOUT_SECONDS = 10;

function transactionCookie() {
  return createCookie("__oidc", {
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET from its own site.
    sameSite: "lax",
    secure: isProductionMode(),
    path: "/auth/oidc",
    maxAge: TRANSACTION_TTL_SECONDS,
    secrets: [sessionSecret()],
  });
}

function isTransaction(value: unknown): value is SignInTransaction {
  if (!value || typeof value !== "object") return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.state === "string" &&
    typeof t.nonce === "string" &&
    typeof t.verifier === "string" &&
    isLang(t.lang) &&
    typeof t.redirectTo === "string" &&
    typeof t.startedAt === "number"
  );
}

/** This browser's sign-in attempt, if its cookie is present, correctly signed and fresh. */
export async function readSignInTransaction(request: Request): Promise<SignInTransaction | null> {
  const value = await transactionCookie().parse(request.headers.get("Cookie"));
  if (!isTransaction(value)) return null;
  const age = Date.now() - value.startedAt;
  return age >= 0 && age <= TRANSACTION_TTL_SECONDS * 1000 ? value : null;
}

/** The reader's language for a callback: the one the sign-in started in, else negotiated. */
export async function callbackLanguage(request: Request): Promise<Lang> {
  return (await readSignInTransaction(request))?.lang ?? preferredLanguage(request) ?? defaultLang;
}

export async function clearSignInTransaction(): Promise<string> {
  return transactionCookie().serialize("", { maxAge: 0 });
}

// Discovery once per process and hour per configuration; a failed discovery is not cached.
const configurations = new Map<string, { at: number; config: Promise<client.Configuration> }>();

export function providerConfiguration(settings: SsoSettings): Promise<client.Configuration> {
  const key = [settings.issuer, settings.clientId, settings.clientSecret].join("\n");
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const config = client
    .discovery(
      new URL(settings.issuer),
      settings.clientId,
      undefined,
      client.ClientSecretBasic(settings.clientSecret),
      {
        execute: settings.allowInsecureIssuer ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      },
    )
    .then((discovered) => {
      // Also check the ID token's signature against the provider's JWKS (openid-client fetches
      // it, and fetches it again when a token names a key it does not know: key rotation).
      client.enableNonRepudiationChecks(discovered);
      return discovered;
    });
  configurations.set(key, { at: Date.now(), config });
  config.catch(() => configurations.delete(key));
  return config;
}

/** Which failure an error from openid-client (or fetch) stands for. */
export function classifyProviderError(error: unknown): OidcSignInError {
  if (error instanceof OidcSignInError) return error;
  const err = error as { name?: string; code?: string; error?: string; message?: string; cause?: unknown };
  const message = String(err?.message ?? error);
  if (
    err?.name === "TimeoutError" ||
    err?.name === "AbortError" ||
    (error instanceof TypeError && /fetch/i.test(message))
  ) {
    return new OidcSignInError("unreachable", message);
  }
  if (error instanceof client.ResponseBodyError) {
    // invalid_grant: the code was already used, has expired, or belongs to another verifier.
    return new OidcSignInError(error.error === "invalid_grant" ? "state" : "provider", `${error.error}`);
  }
  if (error instanceof client.ClientError) {
    if (error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || error.code === "OAUTH_RESPONSE_IS_NOT_JSON") {
      return new OidcSignInError("unreachable", message);
    }
    return new OidcSignInError("token", `${error.code ?? "error"}: ${message}`);
  }
  return new OidcSignInError("token", message);
}

export class OidcStrategy<User> extends Strategy<User, OidcVerifyParams> {
  name = "oidc";

  /**
   * On the callback path: completes the sign-in and returns the verified user. Anywhere else:
   * starts one by throwing a redirect to the provider (with the transaction cookie), taking
   * `lang` and `redirectTo` from the query string.
   */
  async authenticate(request: Request): Promise<User> {
    const settings = ssoSettings();
    if (!settings) throw new OidcSignInError("provider", "single sign-on is not configured");
    const url = new URL(request.url);
    if (url.pathname !== CALLBACK_PATH) throw await this.start(settings, request);
    return this.complete(settings, request);
  }

  private async start(settings: SsoSettings, request: Request): Promise<Response> {
    const url = new URL(request.url);
    const lang = url.searchParams.get("lang");
    let config: client.Configuration;
    try {
      config = await providerConfiguration(settings);
    } catch (error) {
      throw classifyProviderError(error);
    }
    const transaction: SignInTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      lang: isLang(lang) ? lang : defaultLang,
      redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), `/${isLang(lang) ? lang : defaultLang}`),
      startedAt: Date.now(),
    };
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(settings, request),
      scope: "openid profile email",
      response_type: "code",
      code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: "S256",
      state: transaction.state,
      nonce: transaction.nonce,
      ui_locales: transaction.lang,
    });
    return redirect(authorizationUrl.href, {
      headers: { "Set-Cookie": await transactionCookie().serialize(transaction) },
    });
  }

  private async complete(settings: SsoSettings, request: Request): Promise<User> {
    const url = new URL(request.url);
    const transaction = await readSignInTransaction(request);
    if (!transaction) throw new OidcSignInError("state", "no valid sign-in attempt cookie");
    if (url.searchParams.get("state") !== transaction.state) {
      throw new OidcSignInError("state", "state does not match this browser's sign-in attempt");
    }
    const providerError = url.searchParams.get("error");
    if (providerError) {
      throw new OidcSignInError(providerError === "access_denied" ? "cancelled" : "provider", providerError);
    }
    let claims: IdTokenClaims | undefined;
    try {
      const config = await providerConfiguration(settings);
      // The URL the provider redirected to, as registered (not as a proxy in front may rewrite it).
      const currentUrl = new URL(redirectUri(settings, request) + url.search);
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw classifyProviderError(error);
    }
    if (!claims) throw new OidcSignInError("token", "no ID token");
    return this.verify({ claims, settings, transaction, request });
  }
}

/** Where to send the browser to end the provider's session too (RP-initiated logout), if anywhere. */
export async function providerLogoutUrl(settings: SsoSettings, request: Request): Promise<string | null> {
  if (!settings.logoutAtProvider) return null;
  try {
    const config = await providerConfiguration(settings);
    if (!config.serverMetadata().end_session_endpoint) return null;
    const origin = settings.publicOrigin ?? new URL(request.url).origin;
    return client.buildEndSessionUrl(config, { post_logout_redirect_uri: `${origin}/`, client_id: settings.clientId })
      .href;
  } catch {
    // The portal session has ended already; a provider that does not answer must not undo that.
    return null;
  }
}
