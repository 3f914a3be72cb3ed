// Accounts of people who sign in through the identity provider. The key is (issuer, subject),
// never the email address: the first sign-in creates an employee account without a password
// (or, once, links an existing account whose email the provider vouches for); each sign-in
// refreshes name and email, and may set the role from groups and the home unit from a claim.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import type { IdTokenClaims } from "./oidc-strategy.server";
import type { Role } from "./roles";
import type { SsoSettings } from "./sso-settings.server";
import { isLastActiveAdmin } from "./user.server";

export type SsoAccountFailure = "disabled" | "email_taken" | "no_email";

export class SsoAccountError extends Error {
  constructor(
    readonly reason: SsoAccountFailure,
    readonly detail: Record<string, unknown>,
  ) {
    super(reason);
  }
}

export interface ProviderProfile {
  issuer: string;
  subject: string;
  email: string | null;
  /** The provider vouches for the email: email_verified, or a domain in OIDC_TRUSTED_EMAIL_DOMAINS. */
  emailTrusted: boolean;
  name: string | null;
  /** null when the token carries no groups claim: then roles are left alone. */
  groups: string[] | null;
  unit: string | null;
}

const claimString = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

export function profileFromClaims(claims: IdTokenClaims, settings: SsoSettings): ProviderProfile {
  // Entra ID's `sub` differs per application; its `oid` is the person's id in the tenant.
  const subject = claimString(claims.oid) ?? claims.sub;
  const preferred = claimString(claims.preferred_username);
  const email = (claimString(claims.email) ?? (preferred?.includes("@") ? preferred : null))?.toLowerCase() ?? null;
  const domain = email?.split("@").pop() ?? "";
  const fullName = [claimString(claims.given_name), claimString(claims.family_name)].filter(Boolean).join(" ");
  const unitValue = settings.unitClaim ? claims[settings.unitClaim] : undefined;
  return {
    issuer: claims.iss,
    subject,
    email,
    emailTrusted: claims.email_verified === true || settings.trustedEmailDomains.includes(domain),
    name: claimString(claims.name) ?? (fullName || null),
    groups: Array.isArray(claims.groups) ? claims.groups.map(String) : null,
    unit: claimString(Array.isArray(unitValue) ? unitValue[0] : unitValue),
  };
}

const ROLE_STRENGTH: Record<Role, number> = { employee: 0, unit_editor: 1, hr_editor: 2, admin: 3 };

/** The role the groups give, or null when no group is mapped. */
export function roleFromGroups(groups: string[], roleGroups: Map<string, Role>): Role | null {
  let best: Role | null = null;
  for (const group of groups) {
    const role = roleGroups.get(group);
    if (role && (!best || ROLE_STRENGTH[role] > ROLE_STRENGTH[best])) best = role;
  }
  return best;
}

const PROVIDER_ACTOR = "identity provider";
type Tx = Prisma.TransactionClient;

async function findUnitId(tx: Tx, value: string): Promise<number | null> {
  const bySlug = await tx.unit.findUnique({ where: { slug: value.toLowerCase() } });
  if (bySlug) return bySlug.id;
  const wanted = value.toLocaleLowerCase("fi");
  // Unit names are few (tens); compare case-insensitively in all languages here.
  const texts = await tx.unitText.findMany({ select: { unitId: true, name: true } });
  return texts.find((t) => t.name.toLocaleLowerCase("fi") === wanted)?.unitId ?? null;
}

async function findOrCreateAccount(tx: Tx, profile: ProviderProfile, ip: string | null) {
  const key = { issuer: profile.issuer, subject: profile.subject };
  const identity = await tx.userIdentity.findUnique({ where: { issuer_subject: key }, include: { user: true } });
  if (identity) return identity.user;
  if (!profile.email) throw new SsoAccountError("no_email", key);

  const existing = await tx.user.findUnique({
    where: { email: profile.email },
    include: { identities: { where: { issuer: profile.issuer } } },
  });
  if (existing) {
    // Linking by email alone would hand the account to whoever controls a matching address at
    // the provider: only when the provider vouches for the address, and only once per provider.
    if (!profile.emailTrusted || existing.identities.length > 0) {
      throw new SsoAccountError("email_taken", {
        ...key,
        email: profile.email,
        existingUserId: existing.id,
        why: existing.identities.length > 0 ? "already linked to another identity" : "email not verified",
      });
    }
    if (existing.disabledAt) throw new SsoAccountError("disabled", { ...key, userId: existing.id });
    await tx.userIdentity.create({ data: { ...key, userId: existing.id } });
    await recordAudit(
      {
        action: "user.identity_link",
        actorEmail: PROVIDER_ACTOR,
        targetType: "user",
        targetId: existing.id,
        ipAddress: ip,
        details: { ...key, email: profile.email },
      },
      tx,
    );
    return existing;
  }

  const user = await tx.user.create({
    data: {
      email: profile.email,
      name: profile.name ?? profile.email,
      role: "employee",
      passwordHash: null,
      identities: { create: key },
    },
  });
  await recordAudit(
    {
      action: "user.create",
      actorEmail: PROVIDER_ACTOR,
      targetType: "user",
      targetId: user.id,
      ipAddress: ip,
      details: { email: user.email, role: user.role, ...key, via: "single sign-on" },
    },
    tx,
  );
  return user;
}

async function applyProfile(
  tx: Tx,
  userId: number,
  profile: ProviderProfile,
  settings: SsoSettings,
  ip: string | null,
) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  const change: Prisma.UserUpdateInput = {};
  if (profile.name && profile.name !== user.name) change.name = profile.name;
  if (profile.email && profile.email !== user.email) {
    const holder = await tx.user.findUnique({ where: { email: profile.email } });
    if (holder) {
      throw new SsoAccountError("email_taken", {
        issuer: profile.issuer,
        subject: profile.subject,
        email: profile.email,
        userId,
        existingUserId: holder.id,
        why: "refreshed email belongs to another account",
      });
    }
    change.email = profile.email;
    await recordAudit(
      {
        action: "user.email_change",
        actorEmail: PROVIDER_ACTOR,
        targetType: "user",
        targetId: userId,
        ipAddress: ip,
        details: { from: user.email, to: profile.email },
      },
      tx,
    );
  }

  if (profile.groups && settings.roleGroups.size > 0) {
    const mapped = roleFromGroups(profile.groups, settings.roleGroups);
    // Without a mapped group a role the mapping gave falls back to employee; a role an admin
    // gave in the portal stays.
    const target: Role | null = mapped ?? (user.roleFromIdp ? "employee" : null);
    if (target && target !== user.role) {
      if (user.role === "admin" && (await isLastActiveAdmin(userId, tx))) {
        await recordAudit(
          {
            action: "user.role_change_refused",
            actorEmail: PROVIDER_ACTOR,
            targetType: "user",
            targetId: userId,
            ipAddress: ip,
            details: { email: user.email, from: user.role, to: target, why: "last admin" },
          },
          tx,
        );
      } else {
        change.role = target;
        // As with a change in user admin: the person's other sessions end.
        await tx.session.deleteMany({ where: { userId } });
        await recordAudit(
          {
            action: "user.role_change",
            actorEmail: PROVIDER_ACTOR,
            targetType: "user",
            targetId: userId,
            ipAddress: ip,
            details: { email: user.email, from: user.role, to: target, groups: true },
          },
          tx,
        );
      }
    }
    if (user.roleFromIdp !== (mapped !== null)) change.roleFromIdp = mapped !== null;
  }

  if (profile.unit) {
    const unitId = await findUnitId(tx, profile.unit);
    if (unitId !== null && unitId !== user.homeUnitId) change.homeUnit = { connect: { id: unitId } };
  }
  if (Object.keys(change).length) await tx.user.update({ where: { id: userId }, data: change });
}

/**
 * The portal account for a verified ID token: found by (issuer, subject), linked or created, and
 * brought up to date. Throws SsoAccountError (disabled, email taken, no email) for an error page.
 */
export async function accountForSignIn(claims: IdTokenClaims, settings: SsoSettings, ip: string | null) {
  const profile = profileFromClaims(claims, settings);
  const attempt = () =>
    prisma.$transaction(async (tx) => {
      const account = await findOrCreateAccount(tx, profile, ip);
      if (account.disabledAt) throw new SsoAccountError("disabled", { userId: account.id, subject: profile.subject });
      await applyProfile(tx, account.id, profile, settings, ip);
      await tx.userIdentity.update({
        where: { issuer_subject: { issuer: profile.issuer, subject: profile.subject } },
        data: { lastSignInAt: new Date() },
      });
      return tx.user.findUniqueOrThrow({ where: { id: account.id }, include: { editableUnits: true } });
    });
  try {
    return await attempt();
  } catch (error) {
    // Two first sign-ins of one person at once: the second finds the first one's account.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return attempt();
    throw error;
  }
}
