import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { STAFF_ROLES } from "@/domain/staff-access";
import { isAllowedStaffEmail, parseStaffEmailDomains, staffEmailDomainMessage } from "@/domain/staff-email";
import { recordAudit } from "../audit";
import { env } from "../env";
import { db } from "../db";
import type { StaffIdentity } from "./auth";
import { hashStaffPassword } from "./auth";

export const newAccountSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter the person's work e-mail")),
  name: z.string().trim().min(1, "Enter the person's name").max(80),
  role: z.enum(STAFF_ROLES, { error: "Choose a role" }),
});

/** A password an administrator hands over (in person or by phone): random, 21 characters. */
function oneTimePassword(): string {
  return `Rc-${randomBytes(12).toString("base64url")}`;
}

export async function listAccounts() {
  return db().staffUser.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      totpEnrolledAt: true,
      mustChangePassword: true,
      sessions: { where: { revokedAt: null }, orderBy: { lastSeenAt: "desc" }, take: 1, select: { lastSeenAt: true } },
    },
  });
}

/** Creates an account with a one-time password to hand over; the second factor is set up at first sign-in. */
export async function createAccount(admin: StaffIdentity, input: unknown) {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, message: parsed.error.issues.map((i) => i.message).join(". ") };
  const domains = parseStaffEmailDomains(env().STAFF_EMAIL_DOMAINS);
  if (!isAllowedStaffEmail(parsed.data.email, domains)) return { ok: false as const, field: "email" as const, message: staffEmailDomainMessage(domains) };
  const temporaryPassword = oneTimePassword();
  const exists = await db().staffUser.findUnique({ where: { email: parsed.data.email } });
  if (exists) return { ok: false as const, message: "An account with that e-mail already exists." };
  const user = await db().$transaction(async (tx) => {
    // The administrator chose this password: the holder must replace it at first sign-in.
    const created = await tx.staffUser.create({ data: { ...parsed.data, passwordHash: await hashStaffPassword(temporaryPassword), mustChangePassword: true } });
    await recordAudit(tx, { actor: { type: "STAFF", id: admin.id, role: admin.role }, action: "staff.account_created", objectType: "StaffUser", objectId: created.id, details: { role: created.role } });
    return created;
  });
  return { ok: true as const, email: user.email, temporaryPassword };
}

/** Disabling ends every open session at once (they are checked against the database on each request). */
export async function setAccountDisabled(admin: StaffIdentity, userId: string, disabled: boolean) {
  if (userId === admin.id) return { ok: false as const, message: "You cannot disable your own account." };
  await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.staffUser.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    if (disabled) await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actor: { type: "STAFF", id: admin.id, role: admin.role },
      action: disabled ? "staff.account_disabled" : "staff.account_enabled",
      objectType: "StaffUser",
      objectId: userId,
    });
  });
  return { ok: true as const };
}

export async function changeRole(admin: StaffIdentity, userId: string, role: unknown) {
  const parsed = z.enum(STAFF_ROLES).safeParse(role);
  if (!parsed.success) return { ok: false as const, message: "Choose a role." };
  if (userId === admin.id) return { ok: false as const, message: "Ask another administrator to change your own role." };
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: userId }, data: { role: parsed.data } });
    await recordAudit(tx, { actor: { type: "STAFF", id: admin.id, role: admin.role }, action: "staff.role_changed", objectType: "StaffUser", objectId: userId, details: { role: parsed.data } });
  });
  return { ok: true as const };
}

/**
 * An administrator resets another staff member's password: a new one-time password (returned
 * once, to show once), every session and pending sign-in of the account ended, and the holder must
 * choose their own at the next sign-in. Audited. An administrator changes their own password on
 * the password page instead.
 */
export async function resetPassword(admin: StaffIdentity, userId: string) {
  if (userId === admin.id) return { ok: false as const, message: "Change your own password on the password page." };
  const user = await db().staffUser.findUnique({ where: { id: userId } });
  if (!user) return { ok: false as const, message: "That account does not exist." };
  const temporaryPassword = oneTimePassword();
  const passwordHash = await hashStaffPassword(temporaryPassword);
  await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.staffUser.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: now } });
    const ended = await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.staffPendingSignIn.updateMany({ where: { userId, consumedAt: null }, data: { consumedAt: now } });
    await recordAudit(tx, {
      actor: { type: "STAFF", id: admin.id, role: admin.role },
      action: "staff.password_reset",
      objectType: "StaffUser",
      objectId: userId,
      details: { sessionsEnded: ended.count },
    });
  });
  return { ok: true as const, email: user.email, name: user.name, temporaryPassword };
}
