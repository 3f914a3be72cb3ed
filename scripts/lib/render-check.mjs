// Can this server render a page? Checked once when the server starts (and after each rebuild in
// development), through the same Remix request handler that serves users, so that /healthz fails
// when pages would fail: a load balancer must not keep sending users to a server that answers 500.
import { createRequestHandler } from "@remix-run/node";

// A small page that goes through the root layout, the session and the database like any other.
const PROBE_PATH = "/en/accessibility";

/**
 * @param {import("@remix-run/node").ServerBuild} build
 * @param {"production" | "development"} serverMode the mode this server runs React and Remix in
 * @returns {Promise<{ ok: boolean, checkedAt: string, problem?: string }>}
 */
export async function checkRendering(build, serverMode, loadContext = {}) {
  const checkedAt = new Date().toISOString();
  if (build.mode !== serverMode) {
    return {
      ok: false,
      checkedAt,
      problem: `build/ holds a ${build.mode} build but this server runs in ${serverMode} mode; run npm start (it rebuilds) or npm run build`,
    };
  }
  try {
    const handler = createRequestHandler(build, serverMode);
    const response = await handler(new Request(`http://render-check.invalid${PROBE_PATH}`), {
      cspNonce: "render-check",
      clientIp: "127.0.0.1",
      ...loadContext,
    });
    const body = await response.text();
    if (response.status !== 200 || !body.includes("<html")) {
      return { ok: false, checkedAt, problem: `rendering ${PROBE_PATH} answered ${response.status}` };
    }
    return { ok: true, checkedAt };
  } catch (error) {
    return { ok: false, checkedAt, problem: `rendering ${PROBE_PATH} failed: ${error?.message ?? error}` };
  }
}
