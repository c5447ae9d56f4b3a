import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { afterAll, describe, expect, it } from "vitest";
import { checkPassword, completeSignIn, sessionIdentity, signOut, startTotpEnrollment } from "@/server/staff/auth";
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
  expect(first).toEqual({ ok: true, userId: user.id, enrolled: false });
  const { secret } = await startTotpEnrollment(user.id);
  const done = await completeSignIn(user.id, await totpCode(secret, at), client, at);
  if (!done.ok) throw new Error(done.message);
  return { user, email, secret, client, token: done.token };
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

  it("locks an account after five wrong passwords", async () => {
    const { email } = await newStaff();
    for (let i = 0; i < 5; i++) expect((await checkPassword(email, `wrong-${i}`, randomUUID())).ok).toBe(false);
    expect((await checkPassword(email, "correct horse battery", randomUUID())).ok).toBe(false);
    expect((await checkPassword(email, "correct horse battery", randomUUID(), new Date(Date.now() + 16 * 60_000))).ok).toBe(true);
  });

  it("accepts each TOTP code once", async () => {
    const at = new Date();
    const { user, secret, client } = await signedIn(at);
    const again = await completeSignIn(user.id, await totpCode(secret, at), client, at);
    expect(again.ok).toBe(false);
    const later = new Date(at.getTime() + 30_000);
    expect((await completeSignIn(user.id, await totpCode(secret, later), client, later)).ok).toBe(true);
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
