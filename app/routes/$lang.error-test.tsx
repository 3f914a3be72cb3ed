// Lets the browser tests check the error page (axe, no stack trace). It exists only when the
// server was started with ENABLE_TEST_ROUTES=1 (tests/e2e/server.mjs); elsewhere it is a 404.
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("error.title");

export async function loader() {
  if (process.env.ENABLE_TEST_ROUTES !== "1") throw new Response("Not found", { status: 404 });
  throw new Error("Deliberate error for the error-page test (secret-internal-detail)");
}

export default function ErrorTest() {
  return null;
}
