import "server-only";
import { hash, verify as verifyPassword } from "@node-rs/argon2";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import {
  LOCKOUT_MS,
  MAX_FAILED_SIGN_INS,
  STAFF_ABSOLUTE_TIMEOUT_MS,
  STAFF_IDLE_TIMEOUT_MS,
  type StaffRole,
} from "@/domain/staff-access";
import { organization } from "@/domain/organization";
import { recordAudit } from "../audit";
import { db } from "../db";
import { consumeRateLimit } from "../rate-limit";
import { newToken, sealSecret, tokenHash, unsealSecret } from "../secrets";

export type StaffIdentity = { id: string; email: string; name: string; role: StaffRole; sessionId: string };

const GENERIC_FAILURE = "The e-mail, password or code is not right, or the account cannot sign in now. Try again, or ask an administrator.";
const TOTP_PURPOSE = "staff-totp";
/** A hash to verify against when the e-mail is unknown, so both answers take the same time. */
let decoyHash: Promise<string> | undefined;

export type PasswordStep =
  | { ok: true; userId: string; enrolled: boolean }
  | { ok: false; message: string };

/**
 * First factor. Unknown accounts, wrong passwords, disabled and locked accounts all get the same
 * answer. Attempts are limited per client and per account (in Postgres), and five failures lock the
 * account for 15 minutes.
 */
export async function checkPassword(email: string, password: string, clientKey: string, now = new Date()): Promise<PasswordStep> {
  const normalized = email.trim().toLowerCase();
  const withinLimits =
    (await consumeRateLimit(db(), "staff-sign-in-client", clientKey, 30, 15 * 60)) &&
    (await consumeRateLimit(db(), "staff-sign-in-account", normalized, 10, 15 * 60));
  const user = await db().staffUser.findUnique({ where: { email: normalized } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hash(newToken()))), password).catch(() => false);

  const usable = !!user && !user.disabledAt && !(user.lockedUntil && user.lockedUntil > now);
  if (!withinLimits || !user || !usable || !passwordOk) {
    if (user && usable && !passwordOk) {
      const failed = user.failedSignIns + 1;
      await db().staffUser.update({
        where: { id: user.id },
        data: { failedSignIns: failed >= MAX_FAILED_SIGN_INS ? 0 : failed, lockedUntil: failed >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS) : undefined },
      });
    }
    await recordAudit(db(), {
      actor: { type: "ANONYMOUS", clientKey: tokenHash(clientKey).slice(0, 16) },
      action: "staff.sign_in.password",
      objectType: "StaffUser",
      objectId: user?.id ?? null,
      outcome: "DENIED",
      details: { reason: !withinLimits ? "rate_limited" : !user ? "unknown_account" : !usable ? "disabled_or_locked" : "wrong_password" },
    });
    return { ok: false, message: GENERIC_FAILURE };
  }
  return { ok: true, userId: user.id, enrolled: !!user.totpEnrolledAt };
}

/** For first sign-in: a new TOTP secret (kept sealed until confirmed) and its otpauth:// URI for the QR code. */
export async function startTotpEnrollment(userId: string): Promise<{ secret: string; uri: string }> {
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnrolledAt) throw new Error("Second factor already set up");
  const secret = generateSecret();
  await db().staffUser.update({ where: { id: userId }, data: { totpSecretSealed: sealSecret(TOTP_PURPOSE, secret), totpLastStep: null } });
  return { secret, uri: generateURI({ issuer: `${organization.serviceName} staff`, label: user.email, secret }) };
}

/**
 * Second factor, then the session. A code is accepted once (its time step must be newer than the
 * last one used), within one step of clock drift. The first success confirms an enrollment.
 */
export async function completeSignIn(
  userId: string,
  code: string,
  clientKey: string,
  now = new Date(),
): Promise<{ ok: true; token: string; identity: StaffIdentity } | { ok: false; message: string }> {
  if (!(await consumeRateLimit(db(), "staff-totp", userId, 10, 15 * 60))) return { ok: false, message: GENERIC_FAILURE };
  const user = await db().staffUser.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt || !user.totpSecretSealed || (user.lockedUntil && user.lockedUntil > now)) return { ok: false, message: GENERIC_FAILURE };

  const result = await verifyTotp({
    secret: unsealSecret(TOTP_PURPOSE, user.totpSecretSealed),
    token: code.replace(/\s/g, ""),
    epochTolerance: 30,
    epoch: Math.floor(now.getTime() / 1000),
    ...(user.totpLastStep != null ? { afterTimeStep: Number(user.totpLastStep) } : {}),
  }).catch(() => ({ valid: false as const }));
  // The functional API's result type covers HOTP too; a TOTP match carries its time step.
  const timeStep = result.valid ? (result as { timeStep?: number }).timeStep : undefined;
  // Claim the step atomically: two requests with one code cannot both pass.
  const claimed =
    timeStep !== undefined &&
    (await db().staffUser.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(timeStep) } }] },
      data: { totpLastStep: BigInt(timeStep), failedSignIns: 0, lockedUntil: null, totpEnrolledAt: user.totpEnrolledAt ?? now },
    })).count === 1;
  if (!claimed) {
    await recordAudit(db(), {
      actor: { type: "STAFF", id: user.id, role: user.role },
      action: "staff.sign_in.totp",
      objectType: "StaffUser",
      objectId: user.id,
      outcome: "DENIED",
      details: { clientKey: tokenHash(clientKey).slice(0, 16) },
    });
    return { ok: false, message: GENERIC_FAILURE };
  }

  const token = newToken();
  const session = await db().$transaction(async (tx) => {
    const created = await tx.staffSession.create({
      data: { userId: user.id, tokenHash: tokenHash(token), createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + STAFF_ABSOLUTE_TIMEOUT_MS) },
    });
    await recordAudit(tx, {
      actor: { type: "STAFF", id: user.id, role: user.role },
      action: user.totpEnrolledAt ? "staff.signed_in" : "staff.signed_in_enrolled_totp",
      objectType: "StaffSession",
      objectId: created.id,
    });
    return created;
  });
  return { ok: true, token, identity: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id } };
}

/**
 * The staff member behind a session token, checked against the database on every request:
 * not revoked, within 12 hours of sign-in and 15 minutes of the last request, account enabled.
 * Extends the idle window.
 */
export async function sessionIdentity(token: string | undefined, now = new Date()): Promise<StaffIdentity | null> {
  if (!token) return null;
  const session = await db().staffSession.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: true } });
  if (
    !session ||
    session.revokedAt ||
    session.expiresAt <= now ||
    now.getTime() - session.lastSeenAt.getTime() > STAFF_IDLE_TIMEOUT_MS ||
    session.user.disabledAt
  ) {
    return null;
  }
  await db().staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id };
}

export async function signOut(token: string | undefined): Promise<void> {
  if (!token) return;
  const session = await db().staffSession.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: true } });
  if (!session || session.revokedAt) return;
  await db().$transaction(async (tx) => {
    await tx.staffSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor: { type: "STAFF", id: session.userId, role: session.user.role }, action: "staff.signed_out", objectType: "StaffSession", objectId: session.id });
  });
}

/** Creates an account (admins); the password is hashed with argon2id. */
export async function hashStaffPassword(password: string): Promise<string> {
  return hash(password);
}
