import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { afterAll, describe, expect, it } from "vitest";
import { checkPassword } from "@/server/staff/auth";
import { testPrisma } from "./db";

/**
 * Issue 16, hole 8: five wrong passwords locked any account for 15 minutes, so anyone could keep
 * anyone out. Now each account+client pair waits longer after each failure; nothing locks.
 */
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function newStaff() {
  const email = `staff-${randomUUID()}@example.com`;
  await prisma.staffUser.create({ data: { email, name: "Test Staff", role: "ASSOCIATE", passwordHash: await hash("correct horse battery") } });
  return { email };
}

describe("staff sign-in throttling", () => {
  it("never locks the account: an attacker's wrong passwords, from one client or many, do not keep its holder out (issue 16, hole 8)", async () => {
    const { email } = await newStaff();
    const attacker = randomUUID();
    let at = Date.now();
    // Twenty wrong passwords from one client, each after its wait, and one from each of twenty more.
    for (let i = 0; i < 20; i++) {
      const result = await checkPassword(email, `wrong-${i}`, attacker, new Date(at));
      expect(result.ok).toBe(false);
      at += 16 * 60_000;
    }
    for (let i = 0; i < 20; i++) expect((await checkPassword(email, `wrong-${i}`, randomUUID(), new Date(at))).ok).toBe(false);
    // The holder, from their own device, signs in at once.
    expect((await checkPassword(email, "correct horse battery", randomUUID(), new Date(at))).ok).toBe(true);
  });

  it("makes one client wait longer after each wrong password for an account, and frees it after a success", async () => {
    const { email } = await newStaff();
    const client = randomUUID();
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    // Three free tries, then 1 s, 2 s, 4 s…: a try before the wait is over is not even checked.
    for (let i = 0; i < 2; i++) expect(await checkPassword(email, "wrong", client, at(0))).toEqual({ ok: false, message: expect.not.stringMatching(/Wait/) });
    // The third failure says how long to wait before the next try.
    expect(await checkPassword(email, "wrong", client, at(0))).toEqual({ ok: false, message: expect.stringMatching(/Wait 1 second before the next try/) });
    const early = await checkPassword(email, "correct horse battery", client, at(500));
    expect(early).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(early.ok ? "" : early.message).toMatch(/Wait 1 second/);
    expect(await checkPassword(email, "wrong", client, at(1_000))).toMatchObject({ ok: false });
    expect(await checkPassword(email, "correct horse battery", client, at(2_500))).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(await checkPassword(email, "wrong", client, at(3_000))).toMatchObject({ ok: false });
    expect(await checkPassword(email, "correct horse battery", client, at(4_000))).toMatchObject({ ok: false, retryAfterSeconds: 3 });
    // Other clients are not slowed by it.
    expect((await checkPassword(email, "correct horse battery", randomUUID(), at(4_000))).ok).toBe(true);
    // After the wait the right password passes, and the count starts again.
    expect((await checkPassword(email, "correct horse battery", client, at(7_000))).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(await checkPassword(email, "wrong", client, at(7_000))).toMatchObject({ ok: false });
    expect(await checkPassword(email, "wrong", client, at(7_000))).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });

  it("checks one try at a time per account and client: a burst of parallel guesses gets one answer, the rest wait", async () => {
    const { email } = await newStaff();
    const client = randomUUID();
    const at = new Date();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => checkPassword(email, `wrong-${i}`, client, at)));
    expect(results.filter((r) => !r.ok && r.retryAfterSeconds === undefined)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.retryAfterSeconds !== undefined)).toHaveLength(7);
  });
});
