// The client's address for the audit trail and sign-in throttling.
import type { AppLoadContext } from "@remix-run/node";

/** The client's address. X-Forwarded-For counts only behind a trusted proxy (TRUST_PROXY). */
export function clientIp(context: AppLoadContext | undefined): string {
  return typeof context?.clientIp === "string" && context.clientIp ? context.clientIp : "unknown";
}
