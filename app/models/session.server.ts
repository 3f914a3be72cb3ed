// Sessions live in the database; the signed, httpOnly, SameSite=Lax cookie carries only the
// session's random id. Deleting the row ends the session everywhere it is used.
import crypto from "node:crypto";
import { createCookieSessionStorage } from "@remix-run/node";
import { isProductionMode, sessionSecret } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";
import { getActor, type SignedInUser } from "./user.server";
import { noteSignedInUser } from "~/utils/request-context.server";

const SESSION_DAYS = 14;
const SESSION_KEY = "sessionId";

type SessionData = { sessionId: string };
let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;
function cookieStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      secure: isProductionMode(),
      path: "/",
      secrets: [sessionSecret()],
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    },
  });
  return storage;
}

export async function createUserSession(userId: number, request: Request, ipAddress: string | null): Promise<string> {
  const session = await prisma.session.create({
    data: {
      id: crypto.randomBytes(32).toString("hex"),
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      ipAddress,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  const cookieSession = await cookieStorage().getSession();
  cookieSession.set(SESSION_KEY, session.id);
  return cookieStorage().commitSession(cookieSession);
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("__session=")) return null;
  const cookieSession = await cookieStorage().getSession(cookie);
  const id = cookieSession.get(SESSION_KEY);
  return typeof id === "string" ? id : null;
}

/** The signed-in user of this request, or null (no cookie, unknown, expired or revoked). */
export async function getSessionUser(request: Request): Promise<(SignedInUser & { sessionId: string }) | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({ where: { id: sessionId } });
  if (!session || session.expiresAt < new Date()) return null;
  const user = await getActor(session.userId);
  if (user) noteSignedInUser(user.id);
  return user && { ...user, sessionId };
}

/** Ends this browser's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return cookieStorage().destroySession(await cookieStorage().getSession(request.headers.get("Cookie")));
}

export async function endAllSessions(userId: number): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
