// Single sign-on settings, read from the environment on every call so that one process can be
// reconfigured between tests and a restart is all an operator needs. See docs/operations.md.
import { isProductionMode } from "~/utils/env.server";
import { isRole, type Role } from "./roles";

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Origin the provider redirects back to (PUBLIC_ORIGIN; the request's own origin outside production). */
  publicOrigin: string | null;
  /** http:// issuers are accepted only on a loopback address and never in production. */
  allowInsecureIssuer: boolean;
  logoutAtProvider: boolean;
  trustedEmailDomains: string[];
  /** Group id → role; a person in several mapped groups gets the strongest role. */
  roleGroups: Map<string, Role>;
  unitClaim: string | null;
}

const MAPPABLE_ROLES: readonly Role[] = ["employee", "hr_editor", "admin"];

export class SsoConfigurationError extends Error {}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** OIDC_ROLE_GROUPS="groupId=role,groupId=role" with role employee, hr_editor or admin. */
export function parseRoleGroups(value: string | undefined): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of list(value)) {
    const at = pair.lastIndexOf("=");
    const group = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !isRole(role) || !MAPPABLE_ROLES.includes(role)) {
      throw new SsoConfigurationError(
        `OIDC_ROLE_GROUPS: "${pair}" is not group=role with role employee, hr_editor or admin`,
      );
    }
    map.set(group, role);
  }
  return map;
}

function isLoopback(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/** The settings, or null when single sign-on is not configured (OIDC_ISSUER unset). */
export function ssoSettings(): SsoSettings | null {
  const issuer = process.env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = process.env.OIDC_CLIENT_ID?.trim();
  const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "";
  if (!clientId) throw new SsoConfigurationError("OIDC_ISSUER is set but OIDC_CLIENT_ID is not");
  const url = new URL(issuer);
  const insecure = url.protocol === "http:";
  if (insecure && (isProductionMode() || !isLoopback(url.hostname))) {
    throw new SsoConfigurationError("OIDC_ISSUER must be https:// (http:// only on 127.0.0.1 outside production)");
  }
  const publicOrigin = process.env.PUBLIC_ORIGIN?.trim().replace(/\/+$/, "") || null;
  if (!publicOrigin && isProductionMode()) {
    throw new SsoConfigurationError("PUBLIC_ORIGIN is required for single sign-on in production");
  }
  return {
    issuer,
    clientId,
    clientSecret,
    publicOrigin,
    allowInsecureIssuer: insecure,
    logoutAtProvider: process.env.OIDC_LOGOUT === "provider",
    trustedEmailDomains: list(process.env.OIDC_TRUSTED_EMAIL_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, "")),
    roleGroups: parseRoleGroups(process.env.OIDC_ROLE_GROUPS),
    unitClaim: process.env.OIDC_UNIT_CLAIM?.trim() || null,
  };
}

export const isSsoEnabled = () => Boolean(process.env.OIDC_ISSUER?.trim());

/** PASSWORD_SIGN_IN=off removes the password form; the break-glass path stays (admins only). */
export const isPasswordSignInEnabled = () => process.env.PASSWORD_SIGN_IN?.trim().toLowerCase() !== "off";

export const CALLBACK_PATH = "/auth/oidc/callback";

export function redirectUri(settings: SsoSettings, request: Request): string {
  return (settings.publicOrigin ?? new URL(request.url).origin) + CALLBACK_PATH;
}
