// The portal's mode, decided in this one place for the scripts and the app alike
// (docs/decisions/0012-production-mode-and-sign-in-throttle.md). NODE_ENV says how React and Remix
// run (`npm start` always runs them optimised); PORTAL_MODE says what the portal promises:
// - production: SESSION_SECRET required, Secure cookies, HSTS, no demo accounts;
// - evaluation: `npm start` with nothing configured; demo accounts, plain http on any host;
// - development: `npm run dev`.
export const PORTAL_MODES = ["production", "evaluation", "development"];

/**
 * PORTAL_MODE when set; otherwise NODE_ENV=production means production and NODE_ENV=development
 * development; anything else is evaluation.
 * @param {Record<string, string | undefined>} env
 * @returns {"production" | "evaluation" | "development"}
 */
export function portalModeFrom(env = process.env) {
  const explicit = env.PORTAL_MODE;
  if (explicit === "production" || explicit === "evaluation" || explicit === "development") return explicit;
  if (explicit) throw new Error(`PORTAL_MODE must be one of ${PORTAL_MODES.join(", ")}; it is "${explicit}".`);
  if (env.NODE_ENV === "production") return "production";
  return env.NODE_ENV === "development" ? "development" : "evaluation";
}

/**
 * Cookies carry the Secure flag in production only: production is served over HTTPS (behind a
 * proxy), while evaluation mode is plain http, also on hosts other than localhost, where a browser
 * would drop a Secure cookie.
 * @param {"production" | "evaluation" | "development"} mode
 */
export const secureCookiesIn = (mode) => mode === "production";
