// Deployment mode, decided in scripts/lib/mode.mjs (one rule for the scripts and the app): see
// there and docs/operations.md ("Mode and secrets").
import { portalModeFrom, secureCookiesIn } from "../../scripts/lib/mode.mjs";

export type PortalMode = "production" | "evaluation" | "development";

export function portalMode(): PortalMode {
  return portalModeFrom(process.env);
}

export const isProductionMode = () => portalMode() === "production";

/** Whether cookies carry the Secure flag: production only, whatever NODE_ENV says. */
export const secureCookies = () => secureCookiesIn(portalMode());

export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (!secret) {
    // scripts/serve.mjs refuses to start without it in production and provides one otherwise.
    throw new Error("SESSION_SECRET is not set");
  }
  return secret;
}
