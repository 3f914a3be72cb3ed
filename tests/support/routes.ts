// Calling route loaders and actions as Remix does, with a real signed session cookie from the
// worker's database, and reading their answer whatever its form (data, Response, thrown Response).
import type { AppLoadContext } from "@remix-run/node";
import { createUserSession } from "~/models/session.server";
import { getActor } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

/** The Cookie header of a fresh session of the user with this email. */
export async function cookieFor(email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const setCookie = await createUserSession(user.id, new Request("http://portal.test/"), "127.0.0.1");
  return setCookie.split(";")[0];
}

/** The signed-in user object the guards return, for calling models directly. */
export async function editorFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const actor = await getActor(user.id);
  if (!actor) throw new Error(`${email} is disabled`);
  return actor;
}

export const TEST_IP = "203.0.113.7";

export function routeArgs(
  path: string,
  params: Record<string, string>,
  options: { cookie?: string | null; form?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  const init: RequestInit = options.form
    ? { method: "POST", headers, body: new URLSearchParams(options.form) }
    : { headers };
  return {
    request: new Request(`http://portal.test${path}`, init),
    params,
    context: { clientIp: TEST_IP } as AppLoadContext,
  };
}

export interface RouteAnswer<T = Record<string, unknown>> {
  status: number;
  location: string | null;
  data: T;
}

/** Runs a loader or action; a thrown Response (redirect, 403, 404) is an answer like any other. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loader data of any shape
export async function answer<T = Record<string, any>>(call: () => Promise<unknown>): Promise<RouteAnswer<T>> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    result = error;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), data: null as T };
  }
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const wrapped = result as { data: T; init: { status?: number } | null };
    return { status: wrapped.init?.status ?? 200, location: null, data: wrapped.data };
  }
  return { status: 200, location: null, data: result as T };
}
