import "server-only";
import { createHash } from "node:crypto";
import { hash, verify as verifyPassword } from "@node-rs/argon2";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import { signInDelayMs, STAFF_ABSOLUTE_TIMEOUT_MS, STAFF_IDLE_TIMEOUT_MS, staffPasswordProblem, type StaffRole } from "@/domain/staff-access";
import { organization } from "@/domain/organization";
import { recordAudit } from "../audit";
import { db } from "../db";
import { consumeRateLimit } from "../rate-limit";
import { newToken, sealSecret, tokenHash, unsealSecret } from "../secrets";

export type StaffIdentity = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  sessionId: string;
  /** An administrator chose the current password: nothing but changing it is allowed (absent: false). */
  mustChangePassword?: boolean;
};

const GENERIC_FAILURE = "The e-mail, password or code is not right, or the account cannot sign in now. Try again, or ask an administrator.";
const TOTP_PURPOSE = "staff-totp";
/** How long the password step stays valid for its second factor. */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60 * 1000;
/** While one try is being checked, the next from the same client for the same account waits. */
const ATTEMPT_HOLD_MS = 10_000;
/** A hash to verify against when the e-mail is unknown, so both answers take the same time. */
let decoyHash: Promise<string> | undefined;

export type PasswordStep =
  | { ok: true; userId: string; enrolled: boolean; pendingToken: string }
  | { ok: false; message: string; retryAfterSeconds?: number };

function throttleKey(email: string, clientKey: string): string {
  return createHash("sha256").update(`${email}\n${clientKey}`).digest("hex");
}

/**
 * Claims the right to try a password for this account from this client now. Null when the client
 * must wait (it failed before, or another try of its own is in flight): then the seconds to wait.
 */
async function claimAttempt(key: string, now: Date): Promise<{ failures: number } | { waitMs: number }> {
  const hold = new Date(now.getTime() + ATTEMPT_HOLD_MS);
  const claimed = await db().$queryRaw<{ failures: number }[]>`
    INSERT INTO "StaffSignInThrottle" ("key", "failures", "nextAttemptAt", "updatedAt") VALUES (${key}, 0, ${hold}, ${now})
    ON CONFLICT ("key") DO UPDATE SET "nextAttemptAt" = ${hold}, "updatedAt" = ${now}
    WHERE "StaffSignInThrottle"."nextAttemptAt" <= ${now}
    RETURNING "failures"`;
  if (claimed[0]) return { failures: claimed[0].failures };
  const row = await db().staffSignInThrottle.findUnique({ where: { key } });
  return { waitMs: Math.max(1000, (row?.nextAttemptAt.getTime() ?? now.getTime()) - now.getTime()) };
}

/**
 * First factor. Unknown accounts, wrong passwords and disabled accounts all get the same answer.
 * Wrong passwords never lock the account: each account+client pair waits longer after each
 * failure (signInDelayMs), and each client has an overall budget, so one client's guesses never
 * keep anyone else out. A pass opens a single-use pending sign-in for the second factor.
 */
export async function checkPassword(email: string, password: string, clientKey: string, now = new Date()): Promise<PasswordStep> {
  const normalized = email.trim().toLowerCase();
  const key = throttleKey(normalized, clientKey);
  const anonymous = { type: "ANONYMOUS" as const, clientKey: tokenHash(clientKey).slice(0, 16) };
  const claim = await claimAttempt(key, now);
  if ("waitMs" in claim) {
    const seconds = Math.ceil(claim.waitMs / 1000);
    await recordAudit(db(), { actor: anonymous, action: "staff.sign_in.password", objectType: "StaffUser", outcome: "DENIED", details: { reason: "throttled" } });
    return { ok: false, retryAfterSeconds: seconds, message: `Too many tries from this device. Wait ${seconds === 1 ? "1 second" : `${seconds} seconds`}, then try again.` };
  }
  const withinClientLimit = await consumeRateLimit(db(), "staff-sign-in-client", clientKey, 30, 15 * 60);
  const user = await db().staffUser.findUnique({ where: { email: normalized } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hash(newToken()))), password).catch(() => false);

  const usable = !!user && !user.disabledAt;
  if (!withinClientLimit || !user || !usable || !passwordOk) {
    const failures = claim.failures + 1;
    const waitMs = signInDelayMs(failures);
    await db().staffSignInThrottle.update({
      where: { key },
      data: { failures, nextAttemptAt: new Date(now.getTime() + waitMs), updatedAt: now },
    });
    await recordAudit(db(), {
      actor: anonymous,
      action: "staff.sign_in.password",
      objectType: "StaffUser",
      objectId: user?.id ?? null,
      outcome: "DENIED",
      details: { reason: !withinClientLimit ? "rate_limited" : !user ? "unknown_account" : !usable ? "disabled" : "wrong_password", failures },
    });
    // The wait depends on the e-mail typed and this client only, never on whether the account exists.
    const seconds = Math.ceil(waitMs / 1000);
    return { ok: false, message: seconds > 0 ? `${GENERIC_FAILURE} Wait ${seconds === 1 ? "1 second" : `${seconds} seconds`} before the next try.` : GENERIC_FAILURE };
  }
  await db().staffSignInThrottle.delete({ where: { key } });
  const pendingToken = newToken();
  await db().staffPendingSignIn.create({
    data: { userId: user.id, tokenHash: tokenHash(pendingToken), createdAt: now, expiresAt: new Date(now.getTime() + PENDING_SIGN_IN_TTL_MS) },
  });
  return { ok: true, userId: user.id, enrolled: !!user.totpEnrolledAt, pendingToken };
}

/** The account behind a pending sign-in that is unused and unexpired (null otherwise). */
export async function pendingSignInUser(pendingToken: string | undefined, now = new Date()): Promise<string | null> {
  if (!pendingToken) return null;
  const pending = await db().staffPendingSignIn.findUnique({ where: { tokenHash: tokenHash(pendingToken) } });
  return pending && !pending.consumedAt && pending.expiresAt > now ? pending.userId : null;
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
 * Second factor, then the session, for the pending sign-in of a password that passed (single
 * use: the session's transaction consumes it). A code is accepted once (its time step must be
 * newer than the last one used), within one step of clock drift. The first success confirms an
 * enrollment.
 */
export async function completeSignIn(
  pendingToken: string,
  code: string,
  clientKey: string,
  now = new Date(),
): Promise<{ ok: true; token: string; identity: StaffIdentity } | { ok: false; message: string; expired?: boolean }> {
  const userId = await pendingSignInUser(pendingToken, now);
  if (!userId) return { ok: false, expired: true, message: "That sign-in is no longer valid. Sign in again with your password." };
  if (!(await consumeRateLimit(db(), "staff-totp", userId, 10, 15 * 60))) return { ok: false, message: GENERIC_FAILURE };
  const user = await db().staffUser.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt || !user.totpSecretSealed) return { ok: false, message: GENERIC_FAILURE };

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
      data: { totpLastStep: BigInt(timeStep), totpEnrolledAt: user.totpEnrolledAt ?? now },
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
    // The pending sign-in is used once: a replay of its cookie finds it consumed.
    const consumed = await tx.staffPendingSignIn.updateMany({
      where: { tokenHash: tokenHash(pendingToken), userId: user.id, consumedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now },
    });
    if (consumed.count !== 1) return null;
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
  if (!session) return { ok: false, expired: true, message: "That sign-in is no longer valid. Sign in again with your password." };
  return {
    ok: true,
    token,
    identity: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id, mustChangePassword: user.mustChangePassword },
  };
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
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id, mustChangePassword: user.mustChangePassword };
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

export type PasswordChangeResult = { ok: true } | { ok: false; field: "currentPassword" | "newPassword" | "confirmPassword"; message: string };

/**
 * A signed-in staff member replaces their password: the current one is required (limited tries),
 * the new one must meet staffPasswordProblem and differ from it. Every other session of the
 * account ends; this one stays. Clears "must change" (set when an administrator chose it).
 */
export async function changeOwnPassword(
  staff: StaffIdentity,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  now = new Date(),
): Promise<PasswordChangeResult> {
  const user = await db().staffUser.findUnique({ where: { id: staff.id } });
  if (!user || user.disabledAt) return { ok: false, field: "currentPassword", message: "Your account cannot change its password now. Ask an administrator." };
  if (!(await consumeRateLimit(db(), "staff-password-change", staff.id, 10, 15 * 60))) {
    return { ok: false, field: "currentPassword", message: "Too many tries. Wait 15 minutes, then try again." };
  }
  const currentOk = await verifyPassword(user.passwordHash, input.currentPassword).catch(() => false);
  if (!currentOk) {
    await recordAudit(db(), { actor: { type: "STAFF", id: user.id, role: user.role }, action: "staff.password_change", objectType: "StaffUser", objectId: user.id, outcome: "DENIED", details: { reason: "wrong_current_password" } });
    return { ok: false, field: "currentPassword", message: "Your current password is not right. Type it again." };
  }
  const problem = staffPasswordProblem(input.newPassword, user.email);
  if (problem) return { ok: false, field: "newPassword", message: problem };
  if (input.newPassword === input.currentPassword) return { ok: false, field: "newPassword", message: "Choose a password different from the current one." };
  if (input.newPassword !== input.confirmPassword) return { ok: false, field: "confirmPassword", message: "The two new passwords are not the same. Type the new password again." };
  const passwordHash = await hashStaffPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now } });
    const ended = await tx.staffSession.updateMany({ where: { userId: user.id, revokedAt: null, id: { not: staff.sessionId } }, data: { revokedAt: now } });
    await tx.staffPendingSignIn.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: now } });
    await recordAudit(tx, {
      actor: { type: "STAFF", id: user.id, role: user.role },
      action: "staff.password_changed",
      objectType: "StaffUser",
      objectId: user.id,
      details: { wasRequired: user.mustChangePassword, otherSessionsEnded: ended.count },
    });
  });
  return { ok: true };
}
