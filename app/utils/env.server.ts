// Deployment mode. `npm start` with NODE_ENV unset is evaluation mode (no configuration needed,
// demo accounts seeded); NODE_ENV=production is production (SESSION_SECRET required, Secure
// cookies, no demo accounts). scripts/serve.mjs and scripts/start.mjs set PORTAL_MODE.
export type PortalMode = "production" | "evaluation" | "development";

export function portalMode(): PortalMode {
  const mode = process.env.PORTAL_MODE;
  if (mode === "production" || mode === "evaluation" || mode === "development") return mode;
  if (process.env.NODE_ENV === "production") return "production";
  return process.env.NODE_ENV === "development" ? "development" : "evaluation";
}

export const isProductionMode = () => portalMode() === "production";

export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (!secret) {
    // scripts/serve.mjs refuses to start without it in production and provides one otherwise.
    throw new Error("SESSION_SECRET is not set");
  }
  return secret;
}
