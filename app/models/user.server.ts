// Users: password hashing, creation, role and unit changes, disabling. Every change that alters
// what a person may do ends their sessions and is written to the audit trail.
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { message } from "~/utils/forms";
import { optionalIdField } from "~/utils/ids";
import { recordAudit } from "./audit.server";
import { releaseOwnedPages } from "./page-ownership.server";
import { ROLES, type Actor, type Role } from "./roles";

// bcryptjs is pure JavaScript (no native build); cost 10 takes ~90 ms here.
const BCRYPT_COST = 10;

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export const MIN_PASSWORD_LENGTH = 12;

export const newUserSchema = z.object({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : ""),
    z
      .string()
      .min(1, message("error.required"))
      .pipe(z.email(message("error.email"))),
  ),
  name: z.preprocess(
    (v) => v ?? "",
    z.string().trim().min(1, message("error.required")).max(200, message("error.tooLong")),
  ),
  role: z.enum(ROLES, message("error.required")),
  homeUnitId: optionalIdField,
  password: z.preprocess(
    (v) => v ?? "",
    z.string().min(MIN_PASSWORD_LENGTH, message("error.passwordTooShort")).max(200, message("error.tooLong")),
  ),
});
export type NewUser = z.output<typeof newUserSchema>;

export interface ActorRef {
  id: number;
  email: string;
}

export class EmailTakenError extends Error {
  constructor() {
    super("email taken");
  }
}

/** Refused: the change would leave the portal with no enabled administrator. */
export class LastAdminError extends Error {
  constructor() {
    super("the last enabled administrator cannot be demoted or disabled");
  }
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

function otherEnabledAdmins(db: Tx | typeof prisma, userId: number) {
  return db.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
}

/** Inside the change's transaction, so two admins demoting each other cannot both succeed. */
async function requireAnotherAdmin(tx: Tx, userId: number) {
  if ((await otherEnabledAdmins(tx, userId)) === 0) throw new LastAdminError();
}

export async function createUser(
  input: NewUser & { editableUnitIds?: number[] },
  by: ActorRef | null,
  ipAddress?: string | null,
) {
  const existing = await prisma.user.findUnique({ where: { email: input.email } });
  if (existing) throw new EmailTakenError();
  const user = await prisma.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      homeUnitId: input.homeUnitId,
      passwordHash: await hashPassword(input.password),
      editableUnits: { create: (input.editableUnitIds ?? []).map((unitId) => ({ unitId })) },
    },
  });
  await recordAudit({
    action: "user.create",
    actor: by,
    actorEmail: by ? undefined : "command line",
    targetType: "user",
    targetId: user.id,
    ipAddress,
    details: {
      email: user.email,
      role: user.role,
      homeUnitId: user.homeUnitId,
      editableUnitIds: input.editableUnitIds ?? [],
    },
  });
  return user;
}

/** Checks a password; returns the user only when it matches an enabled account. */
export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    include: { editableUnits: true },
  });
  // Compare against a dummy hash when the account does not exist, so timing does not tell.
  const hash = user?.passwordHash ?? "$2b$10$N5SQd3UUvrmiCK1iefND0OF51pq3LUwpZFjTnuUVv/PoRrsq59WvK";
  const ok = await bcrypt.compare(password, hash);
  if (!user || !ok || user.disabledAt) return null;
  return user;
}

export async function getActor(userId: number) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { editableUnits: true },
  });
  if (!user || user.disabledAt) return null;
  return toActorUser(user);
}

function toActorUser(user: {
  id: number;
  email: string;
  name: string;
  role: string;
  homeUnitId: number | null;
  editableUnits: { unitId: number }[];
}) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    homeUnitId: user.homeUnitId,
    editableUnitIds: user.editableUnits.map((u) => u.unitId),
  } satisfies Actor & Record<string, unknown>;
}
export type SignedInUser = ReturnType<typeof toActorUser>;

export async function listUsers() {
  const users = await prisma.user.findMany({
    orderBy: [{ disabledAt: "asc" }, { name: "asc" }],
    include: { editableUnits: true, homeUnit: { include: { texts: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    homeUnitSlug: u.homeUnit?.slug ?? null,
    homeUnitId: u.homeUnitId,
    editableUnitIds: u.editableUnits.map((e) => e.unitId),
    disabled: u.disabledAt !== null,
    roleFromIdp: u.roleFromIdp,
  }));
}

export async function getUserForAdmin(id: number) {
  return prisma.user.findUnique({ where: { id }, include: { editableUnits: true } });
}

/** Role, home unit and editable units; a change of role or units ends the user's sessions. */
export async function updateUserAccess(
  userId: number,
  change: { role: Role; homeUnitId: number | null; editableUnitIds: number[] },
  by: ActorRef,
  ipAddress?: string | null,
) {
  const before = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { editableUnits: true } });
  const beforeUnits = before.editableUnits.map((e) => e.unitId).sort((a, b) => a - b);
  const afterUnits = [...new Set(change.editableUnitIds)].sort((a, b) => a - b);
  const roleChanged = before.role !== change.role;
  const unitsChanged = beforeUnits.join(",") !== afterUnits.join(",");
  await prisma.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (current.role === "admin" && change.role !== "admin" && !current.disabledAt) {
      await requireAnotherAdmin(tx, userId);
    }
    await tx.user.update({ where: { id: userId }, data: { role: change.role, homeUnitId: change.homeUnitId } });
    if (unitsChanged) {
      await tx.unitEditor.deleteMany({ where: { userId } });
      if (afterUnits.length) await tx.unitEditor.createMany({ data: afterUnits.map((unitId) => ({ userId, unitId })) });
    }
    if (roleChanged || unitsChanged) await tx.session.deleteMany({ where: { userId } });
    if (roleChanged) {
      await recordAudit(
        {
          action: "user.role_change",
          actor: by,
          targetType: "user",
          targetId: userId,
          ipAddress,
          details: { email: before.email, from: before.role, to: change.role },
        },
        tx,
      );
    }
    if (unitsChanged) {
      await recordAudit(
        {
          action: "user.units_change",
          actor: by,
          targetType: "user",
          targetId: userId,
          ipAddress,
          details: { email: before.email, from: beforeUnits, to: afterUnits },
        },
        tx,
      );
    }
  });
  return { roleChanged, unitsChanged };
}

export async function setUserDisabled(userId: number, disabled: boolean, by: ActorRef, ipAddress?: string | null) {
  const user = await prisma.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (disabled && current.role === "admin" && !current.disabledAt) await requireAnotherAdmin(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    // A disabled person's share links stop working too (enabling does not bring them back).
    const revokedLinks = disabled ? await revokeShareLinksOf(tx, userId) : 0;
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    // Their pages go back to HR's "no owner" queue.
    if (disabled) await releaseOwnedPages(tx, userId, by, ipAddress);
    await recordAudit(
      {
        action: disabled ? "user.disable" : "user.enable",
        actor: by,
        targetType: "user",
        targetId: userId,
        ipAddress,
        details: disabled ? { email: updated.email, revokedShareLinks: revokedLinks } : { email: updated.email },
      },
      tx,
    );
    return updated;
  });
  return user;
}

/** Revokes every live share link of the person's goal summaries; returns how many. */
export async function revokeShareLinksOf(tx: Tx, userId: number, now = new Date()): Promise<number> {
  const { count } = await tx.summaryShareLink.updateMany({
    where: { revokedAt: null, summary: { authorId: userId } },
    data: { revokedAt: now },
  });
  return count;
}

/** True when this user is the only enabled admin: the portal must never be left without one. */
export async function isLastActiveAdmin(userId: number, db: Prisma.TransactionClient | typeof prisma = prisma) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.role !== "admin" || user.disabledAt) return false;
  return (await otherEnabledAdmins(db, userId)) === 0;
}
