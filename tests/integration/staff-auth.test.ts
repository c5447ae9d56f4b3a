import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { afterAll, describe, expect, it } from "vitest";
import { changeOwnPassword, checkPassword, completeSignIn, sessionIdentity, signOut, startTotpEnrollment } from "@/server/staff/auth";
import { createAccount, resetPassword } from "@/server/staff/accounts";
import { tokenHash } from "@/server/secrets";
import { totpCode } from "../support/totp";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function newStaff(role: "ASSOCIATE" | "SUPERVISOR" | "ADMIN" = "ASSOCIATE") {
  const email = `staff-${randomUUID()}@example.com`;
  const user = await prisma.staffUser.create({ data: { email, name: "Test Staff", role, passwordHash: await hash("correct horse battery") } });
  return { user, email };
}

async function signedIn(at = new Date()) {
  const { user, email } = await newStaff();
  const client = randomUUID();
  const first = await checkPassword(email, "correct horse battery", client, at);
  expect(first).toMatchObject({ ok: true, userId: user.id, enrolled: false });
  if (!first.ok) throw new Error(first.message);
  const { secret } = await startTotpEnrollment(user.id);
  const done = await completeSignIn(first.pendingToken, await totpCode(secret, at), client, at);
  if (!done.ok) throw new Error(done.message);
  return { user, email, secret, client, token: done.token, pendingToken: first.pendingToken };
}

describe("staff sign-in", () => {
  it("takes a password, then a TOTP code set up at first sign-in, and opens a database session", async () => {
    const { user, token, secret } = await signedIn();
    const identity = await sessionIdentity(token);
    expect(identity).toMatchObject({ id: user.id, role: "ASSOCIATE" });
    const stored = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnrolledAt).toBeInstanceOf(Date);
    // The TOTP key is kept sealed, never as the key itself.
    expect(stored.totpSecretSealed).toBeTruthy();
    expect(stored.totpSecretSealed).not.toContain(secret);
    const sessions = await prisma.staffSession.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toBe(token);
  });

  it("gives one answer for an unknown account and a wrong password", async () => {
    const { email } = await newStaff();
    const unknown = await checkPassword(`nobody-${randomUUID()}@example.com`, "whatever", randomUUID());
    const wrong = await checkPassword(email, "wrong", randomUUID());
    expect(unknown).toEqual(wrong);
    expect(unknown.ok).toBe(false);
  });

  it("accepts each TOTP code once", async () => {
    const at = new Date();
    const { email, secret } = await signedIn(at);
    const client = randomUUID();
    const again = await checkPassword(email, "correct horse battery", client, at);
    if (!again.ok) throw new Error(again.message);
    expect((await completeSignIn(again.pendingToken, await totpCode(secret, at), client, at)).ok).toBe(false);
    const later = new Date(at.getTime() + 30_000);
    expect((await completeSignIn(again.pendingToken, await totpCode(secret, later), client, later)).ok).toBe(true);
  });

  it("uses a pending sign-in once: replaying it with a fresh code opens no second session (issue 16, hole 8)", async () => {
    const at = new Date();
    const { user, secret, client, pendingToken } = await signedIn(at);
    const later = new Date(at.getTime() + 60_000);
    const replay = await completeSignIn(pendingToken, await totpCode(secret, later), client, later);
    expect(replay).toMatchObject({ ok: false, expired: true });
    expect(await prisma.staffSession.count({ where: { userId: user.id } })).toBe(1);
    // An expired one is refused too.
    const fresh = await checkPassword((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).email, "correct horse battery", client, later);
    if (!fresh.ok) throw new Error(fresh.message);
    const tooLate = new Date(later.getTime() + 5 * 60_000 + 1_000);
    expect(await completeSignIn(fresh.pendingToken, await totpCode(secret, tooLate), client, tooLate)).toMatchObject({ ok: false, expired: true });
  });

  it("ends a session after 15 idle minutes, and at once when revoked or the account is disabled", async () => {
    const start = new Date();
    const idle = await signedIn(start);
    expect(await sessionIdentity(idle.token, new Date(start.getTime() + 14 * 60_000))).not.toBeNull();
    expect(await sessionIdentity(idle.token, new Date(start.getTime() + 14 * 60_000 + 16 * 60_000))).toBeNull();

    const revoked = await signedIn();
    await signOut(revoked.token);
    expect(await sessionIdentity(revoked.token)).toBeNull();

    const disabled = await signedIn();
    await prisma.staffUser.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    expect(await sessionIdentity(disabled.token)).toBeNull();
  });
});

describe("staff passwords (issue 16, hole 8)", () => {
  const admin = { id: randomUUID(), email: "admin@example.com", name: "Admin", role: "ADMIN" as const, sessionId: randomUUID() };

  async function signIn(email: string, password: string, secret?: string, at = new Date()) {
    const client = randomUUID();
    const first = await checkPassword(email, password, client, at);
    if (!first.ok) return { ok: false as const, secret };
    const totp = secret ?? (await startTotpEnrollment(first.userId)).secret;
    const done = await completeSignIn(first.pendingToken, await totpCode(totp, at), client, at);
    if (!done.ok) throw new Error(done.message);
    return { ok: true as const, token: done.token, identity: done.identity, secret: totp };
  }

  it("a new account's password, chosen by an administrator, must be changed at first sign-in; the new one replaces it", async () => {
    const created = await createAccount(admin, { email: `new-${randomUUID()}@recordconnect.example`, name: "New Person", role: "ASSOCIATE" });
    if (!created.ok) throw new Error(created.message);
    const first = await signIn(created.email, created.temporaryPassword);
    if (!first.ok) throw new Error("could not sign in");
    expect(first.identity.mustChangePassword).toBe(true);
    const staff = (await sessionIdentity(first.token))!;
    expect(staff.mustChangePassword).toBe(true);

    const good = "a long new passphrase";
    expect(await changeOwnPassword(staff, { currentPassword: "not it", newPassword: good, confirmPassword: good })).toMatchObject({ ok: false, field: "currentPassword" });
    expect(await changeOwnPassword(staff, { currentPassword: created.temporaryPassword, newPassword: "short", confirmPassword: "short" })).toMatchObject({ ok: false, field: "newPassword" });
    expect(await changeOwnPassword(staff, { currentPassword: created.temporaryPassword, newPassword: created.temporaryPassword, confirmPassword: created.temporaryPassword })).toMatchObject({
      ok: false,
      field: "newPassword",
    });
    expect(await changeOwnPassword(staff, { currentPassword: created.temporaryPassword, newPassword: good, confirmPassword: `${good}!` })).toMatchObject({ ok: false, field: "confirmPassword" });
    expect(await changeOwnPassword(staff, { currentPassword: created.temporaryPassword, newPassword: good, confirmPassword: good })).toEqual({ ok: true });

    expect((await sessionIdentity(first.token))?.mustChangePassword).toBe(false);
    expect((await checkPassword(created.email, created.temporaryPassword, randomUUID())).ok).toBe(false);
    const again = await signIn(created.email, good, first.secret, new Date(Date.now() + 30_000));
    expect(again.ok && again.identity.mustChangePassword).toBe(false);
    const user = await prisma.staffUser.findUniqueOrThrow({ where: { email: created.email } });
    expect(await prisma.auditEvent.count({ where: { action: "staff.password_changed", objectId: user.id } })).toBe(1);
  });

  it("a signed-in staff member changes their password; their other sessions end", async () => {
    const { user, email, token } = await signedIn();
    const secondClient = randomUUID();
    const second = await checkPassword(email, "correct horse battery", secondClient);
    expect(second.ok).toBe(true);
    const stored = await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(false);
    const staff = (await sessionIdentity(token))!;
    // A second session of the same account, opened directly.
    const otherSession = await prisma.staffSession.create({ data: { userId: user.id, tokenHash: `other-${randomUUID()}`, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await changeOwnPassword(staff, { currentPassword: "correct horse battery", newPassword: "battery staple horse correct", confirmPassword: "battery staple horse correct" })).toEqual({ ok: true });
    expect((await prisma.staffSession.findUniqueOrThrow({ where: { id: otherSession.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await sessionIdentity(token)).not.toBeNull();
    // The pending sign-in of the old password cannot be finished any more.
    if (second.ok) expect(await prisma.staffPendingSignIn.findUniqueOrThrow({ where: { tokenHash: tokenHash(second.pendingToken) } })).toMatchObject({ consumedAt: expect.any(Date) });
  });

  it("an administrator resets a password: a new one-time password, every session ended, a change required, audited", async () => {
    const { user, email, token, secret } = await signedIn();
    const reset = await resetPassword(admin, user.id);
    if (!reset.ok) throw new Error(reset.message);
    expect(reset.temporaryPassword).toMatch(/^Rc-[A-Za-z0-9_-]{16}$/);
    expect(await sessionIdentity(token)).toBeNull();
    expect((await checkPassword(email, "correct horse battery", randomUUID())).ok).toBe(false);
    const next = await signIn(email, reset.temporaryPassword, secret, new Date(Date.now() + 30_000));
    expect(next.ok && next.identity.mustChangePassword).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "staff.password_reset", objectId: user.id } });
    expect(audit).toMatchObject({ actorId: admin.id, actorType: "STAFF" });
    expect(JSON.stringify(audit.details)).not.toContain(reset.temporaryPassword);
    expect(await resetPassword(admin, admin.id)).toMatchObject({ ok: false });
  });
});
