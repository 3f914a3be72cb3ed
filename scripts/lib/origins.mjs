// Where requests may come from: the proxy in front of the server (TRUST_PROXY) and the origins
// whose pages may send forms here (PUBLIC_ORIGIN, ALLOWED_ORIGINS). Read once at start-up; a
// setting that cannot be understood stops the start with a message naming it.
import express from "express";

/** TRUST_PROXY as Express's `trust proxy`: "true", a hop count ("1"), or addresses/subnets ("10.0.0.1, loopback"). */
export function trustProxySetting(raw = process.env.TRUST_PROXY) {
  const value = (raw ?? "").trim();
  if (value === "" || /^(false|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? false : hops;
  }
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    // Express compiles the list when it is set, and throws on an entry it cannot read.
    express().set("trust proxy", list);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY: ${error.message}. Use true, a number of proxies (1), or a comma-separated list of addresses or subnets.`,
    );
  }
  return list;
}

function parseOrigin(value, name) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not an origin such as https://perehdytys.migri.fi.`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username) {
    throw new Error(`${name}: "${value}" is not an origin such as https://perehdytys.migri.fi (no path).`);
  }
  return url.origin;
}

/**
 * @param {{ mode?: string, env?: Record<string, string | undefined> }} [options]
 * The origins a form may be posted from: PUBLIC_ORIGIN and ALLOWED_ORIGINS when set (what the
 * browser sees, whatever Host a proxy forwards), else none (the request's own origin is used).
 * In production PUBLIC_ORIGIN is required: without it a forged Host would decide the links.
 */
export function allowedOrigins({ mode, env = process.env } = {}) {
  const origins = [];
  if (env.PUBLIC_ORIGIN) origins.push(parseOrigin(env.PUBLIC_ORIGIN.trim(), "PUBLIC_ORIGIN"));
  else if (mode === "production") {
    throw new Error(
      "PUBLIC_ORIGIN is required in production: the address users open, e.g. PUBLIC_ORIGIN=https://perehdytys.migri.fi",
    );
  }
  for (const item of (env.ALLOWED_ORIGINS ?? "").split(",")) {
    if (item.trim()) origins.push(parseOrigin(item.trim(), "ALLOWED_ORIGINS"));
  }
  return origins;
}

/**
 * A state-changing request sent from another site (CSRF)? The Origin header must match, scheme
 * and host, one of the allowed origins, or the request's own origin when none are configured.
 * Without Origin (older browsers, curl) Fetch Metadata decides where the browser sends it.
 */
export function isCrossSiteMutation(req, origins = []) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return false;
  const origin = req.get("origin");
  if (origin) {
    let sent;
    try {
      sent = new URL(origin).origin;
    } catch {
      return true;
    }
    if (sent === "null") return true;
    if (origins.length) return !origins.includes(sent);
    return sent !== `${req.protocol}://${req.get("host")}`;
  }
  return req.get("sec-fetch-site") === "cross-site";
}
