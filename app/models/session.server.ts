// Sessions live in the database; the signed, httpOnly, SameSite=Lax cookie carries only the
// session's random id. Deleting the row ends the session everywhere it is used. The row's id is
// the SHA-256 of the cookie's id, so a copy of the database lets nobody in.
import crypto from "node:crypto";
import { createCookieSessionStorage } from "@remix-run/node";
import { secureCookies, sessionSecret } from "~/utils/env.server";
import { prisma } from "~/utils/db.server";
import { getActor, type SignedInUser } from "./user.server";
import { noteSignedInUser } from "~/utils/request-context.server";
import { recordSignIn } from "./visits.server";

const SESSION_DAYS = 14;
const SESSION_KEY = "sessionId";

type SessionData = { sessionId: string };
let storage: { secure: boolean; storage: ReturnType<typeof createCookieSessionStorage<SessionData>> } | undefined;
function cookieStorage() {
  const secure = secureCookies();
  if (storage?.secure !== secure) storage = { secure, storage: createStorage(secure) };
  return storage.storage;
}

/** What the database stores for a session: the cookie's id alone does not open the row. */
export function hashSessionId(id: string): string {
  return crypto.createHash("sha256").update(id).digest("hex");
}

function createStorage(secure: boolean) {
  return createCookieSessionStorage<SessionData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      secrets: [sessionSecret()],
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    },
  });
}

/**
 * Starts a session with a fresh id. Signing in rotates the session: the one this browser had
 * before (if any) ends, so an id planted or seen before sign-in is worth nothing after it.
 */
export async function createUserSession(userId: number, request: Request, ipAddress: string | null): Promise<string> {
  const previous = await sessionIdFrom(request);
  const id = crypto.randomBytes(32).toString("hex");
  const [created] = await prisma.$transaction([
    prisma.session.create({
      data: {
        id: hashSessionId(id),
        userId,
        expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
        ipAddress,
        userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
      },
    }),
    ...(previous ? [prisma.session.deleteMany({ where: { id: hashSessionId(previous) } })] : []),
  ]);
  await recordSignIn(userId, created.createdAt);
  const cookieSession = await cookieStorage().getSession();
  cookieSession.set(SESSION_KEY, id);
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
  const session = await prisma.session.findUnique({ where: { id: hashSessionId(sessionId) } });
  if (!session || session.expiresAt < new Date()) return null;
  const user = await getActor(session.userId);
  if (user) noteSignedInUser(user.id);
  return user && { ...user, sessionId: session.id };
}

/** Ends this browser's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: hashSessionId(sessionId) } });
  return cookieStorage().destroySession(await cookieStorage().getSession(request.headers.get("Cookie")));
}

export async function endAllSessions(userId: number): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

/** Deletes expired sessions; returns how many. */
export async function pruneExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
