import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { recordAudit } from "@/server/audit";
import { type AuditHead, auditKey, exportAuditHead, readAuditHeads, sealAuditEvents, verifyAuditLog } from "@/server/audit-chain";
import { startAuditSealer } from "@/server/notifications/worker";
import { ownerPrisma, testPrisma } from "./db";

/** The app role (what the server and worker connect as) and the owner (migrations; here: the attacker with the most rights). */
const prisma = testPrisma();
const owner = ownerPrisma();
afterAll(() => Promise.all([prisma.$disconnect(), owner.$disconnect()]));
const system = { type: "SYSTEM" as const, name: "audit-test" };
const key = auditKey(process.env.AUDIT_HMAC_KEY);

async function event(action: string, details?: object): Promise<bigint> {
  await recordAudit(prisma, { actor: system, action, objectType: "Test", details: details as never });
  const row = await prisma.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });
  return row.id;
}

/** Runs `tamper` as the owner in a transaction that is always rolled back; returns what `inspect` saw inside it. */
async function tampered<T>(tamper: string[], inspect: (tx: typeof owner) => Promise<T>): Promise<T> {
  let seen: T | undefined;
  await owner
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditSeal" DISABLE TRIGGER USER`);
      for (const sql of tamper) await tx.$executeRawUnsafe(sql);
      seen = await inspect(tx as unknown as typeof owner);
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return seen as T;
}

describe("audit log", () => {
  it("is written in the transaction of the change: a rollback leaves no event", async () => {
    const action = `test.rolled-back.${Date.now()}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actor: system, action, objectType: "Test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEvent.count({ where: { action } })).toBe(0);
  });

  it("takes no lock across transactions: a writer holds no advisory lock, and a second writer commits while the first is still open (decision 0021)", async () => {
    const tag = `no-lock-${randomBytes(4).toString("hex")}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locksInFirst = -1;
    const first = prisma.$transaction(
      async (tx) => {
        await recordAudit(tx, { actor: system, action: `${tag}.first`, objectType: "Test" });
        const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`;
        locksInFirst = row!.n;
        await held; // still open while the second writer runs
      },
      { timeout: 30_000 },
    );
    // The second writer's transaction commits while the first one is still open.
    await prisma.$transaction(async (tx) => recordAudit(tx, { actor: system, action: `${tag}.second`, objectType: "Test" }));
    expect(await prisma.auditEvent.count({ where: { action: `${tag}.second` } })).toBe(1);
    release();
    await first;
    expect(locksInFirst).toBe(0);
  });

  it("refuses UPDATE, DELETE and TRUNCATE even to the owner (triggers)", async () => {
    await recordAudit(prisma, { actor: system, action: "test.immutable", objectType: "Test" });
    await sealAuditEvents(prisma, key);
    await expect(owner.$executeRaw`UPDATE "AuditEvent" SET "action" = 'rewritten'`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`UPDATE "AuditSeal" SET "mac" = repeat('0', 64)`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`TRUNCATE "AuditSeal"`).rejects.toThrow(/append-only/);
  });
});

describe("the keyed audit chain (issue 16, hole 7)", () => {
  it("seals every event with the key, also under concurrent writers, and verifies clean", async () => {
    const tag = `test.concurrent.${randomBytes(4).toString("hex")}`;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => prisma.$transaction(async (tx) => recordAudit(tx, { actor: system, action: tag, objectType: "Test", objectId: String(i), details: { i } }))),
    );
    const { head } = await sealAuditEvents(prisma, key);
    const ours = await prisma.auditEvent.findMany({ where: { action: tag }, select: { id: true } });
    const sealedOurs = await prisma.auditSeal.count({ where: { eventId: { in: ours.map((e) => e.id) } } });
    expect(sealedOurs).toBe(25);
    const result = await verifyAuditLog(prisma, key, head ? [head] : []);
    expect(result.breaks).toEqual([]);
    expect(result.sealed).toBeGreaterThanOrEqual(25);
  });

  it("seals an event committed after newer ones were sealed (a late commit) in the next round, in sealing order, and still catches tampering with it (decision 0022)", async () => {
    const tag = `test.late.${randomBytes(4).toString("hex")}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    // The late writer takes its event id first, then stays open.
    const late = prisma.$transaction(
      async (tx) => {
        await recordAudit(tx, { actor: system, action: `${tag}.late`, objectType: "Test" });
        written();
        await held;
      },
      { timeout: 30_000 },
    );
    await inserted;
    // Writers that start after it commit first, and two sealers run at once meanwhile.
    await Promise.all(Array.from({ length: 5 }, (_, i) => prisma.$transaction(async (tx) => recordAudit(tx, { actor: system, action: `${tag}.early`, objectType: "Test", objectId: String(i) }))));
    await Promise.all([sealAuditEvents(prisma, key), sealAuditEvents(prisma, key)]);
    const early = await prisma.auditEvent.findMany({ where: { action: `${tag}.early` }, select: { id: true } });
    expect(await prisma.auditSeal.count({ where: { eventId: { in: early.map((e) => e.id) } } })).toBe(5);
    release();
    await late;
    const lateEvent = await prisma.auditEvent.findFirstOrThrow({ where: { action: `${tag}.late` } });
    expect(lateEvent.id < early[0]!.id).toBe(true);
    expect(await prisma.auditSeal.count({ where: { eventId: lateEvent.id } })).toBe(0);
    const { head } = await sealAuditEvents(prisma, key);
    // Sealed after the newer events: its seal's sequence number is higher than theirs, the chain is whole.
    const lateSeal = await prisma.auditSeal.findFirstOrThrow({ where: { eventId: lateEvent.id } });
    const earlySeals = await prisma.auditSeal.findMany({ where: { eventId: { in: early.map((e) => e.id) } } });
    expect(earlySeals.every((s) => s.seq < lateSeal.seq)).toBe(true);
    const clean = await verifyAuditLog(prisma, key, head ? [head] : []);
    expect(clean.breaks).toEqual([]);
    const breaks = await tampered([`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "id" = ${lateEvent.id}`], async (tx) => (await verifyAuditLog(tx, key)).breaks);
    expect(breaks).toEqual([expect.objectContaining({ kind: "modified", eventId: String(lateEvent.id) })]);
  });

  it("cannot be verified, or forged, without the key", async () => {
    await event("test.needs-key");
    await sealAuditEvents(prisma, key);
    const wrong = await verifyAuditLog(prisma, randomBytes(32));
    expect(wrong.breaks.length).toBeGreaterThan(0);
    expect(wrong.breaks.every((b) => b.kind === "modified")).toBe(true);
  });

  it("reports an event changed behind the triggers' back, by the owner", async () => {
    const id = await event("test.tamper-target", { status: "SUBMITTED" });
    await sealAuditEvents(prisma, key);
    const breaks = await tampered([`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "id" = ${id}`], async (tx) => (await verifyAuditLog(tx, key)).breaks);
    expect(breaks).toEqual([expect.objectContaining({ kind: "modified", eventId: String(id) })]);
    // Rewriting the seal too needs the key: a seal recomputed any other way is reported as well.
    const forged = await tampered(
      [`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "id" = ${id}`, `UPDATE "AuditSeal" SET "mac" = encode(sha256('forged'::bytea), 'hex') WHERE "eventId" = ${id}`],
      async (tx) => (await verifyAuditLog(tx, key)).breaks,
    );
    expect(forged.map((b) => b.kind)).toContain("modified");
    expect((await verifyAuditLog(prisma, key)).breaks).toEqual([]);
  });

  it("reports an event deleted in the middle, with or without its seal", async () => {
    const id = await event("test.delete-middle");
    await event("test.after-middle");
    await sealAuditEvents(prisma, key);
    const onlyEvent = await tampered([`DELETE FROM "AuditEvent" WHERE "id" = ${id}`], async (tx) => (await verifyAuditLog(tx, key)).breaks);
    expect(onlyEvent).toEqual([expect.objectContaining({ kind: "deleted", eventId: String(id) })]);
    const withSeal = await tampered(
      [`DELETE FROM "AuditEvent" WHERE "id" = ${id}`, `DELETE FROM "AuditSeal" WHERE "eventId" = ${id}`],
      async (tx) => (await verifyAuditLog(tx, key)).breaks,
    );
    expect(withSeal.map((b) => b.kind)).toEqual(["seals_missing"]);
  });

  it("reports the newest events deleted with their seals, against the head exported outside the database", async () => {
    await event("test.newest-1");
    await event("test.newest-2");
    const { head } = await sealAuditEvents(prisma, key);
    const dir = await mkdtemp(path.join(os.tmpdir(), "rc-audit-head-"));
    const file = path.join(dir, "audit-head.log");
    await exportAuditHead(file, head!);
    const heads = await readAuditHeads(file);
    expect(heads).toEqual([head]);
    // Without the exported head the shortened chain looks whole: that is why it is exported.
    const cut = `DELETE FROM "AuditSeal" WHERE "seq" > ${BigInt(head!.seq) - 2n}`;
    const cutEvents = `DELETE FROM "AuditEvent" WHERE "id" IN (SELECT "eventId" FROM "AuditSeal" WHERE "seq" > ${BigInt(head!.seq) - 2n})`;
    const [withoutHead, withHead] = await tampered([cutEvents, cut], async (tx) => [(await verifyAuditLog(tx, key)).breaks, (await verifyAuditLog(tx, key, heads)).breaks]);
    expect(withoutHead).toEqual([]);
    expect(withHead).toEqual([expect.objectContaining({ kind: "head_missing", seq: head!.seq })]);
  });

  it("`npm run audit:verify` says intact (exit 0), and names the break (exit 1) when a head is not reached", async () => {
    await event("test.cli");
    const { head } = await sealAuditEvents(prisma, key);
    const dir = await mkdtemp(path.join(os.tmpdir(), "rc-audit-cli-"));
    const good = path.join(dir, "good.log");
    const ahead = path.join(dir, "ahead.log");
    await exportAuditHead(good, head!);
    const beyond: AuditHead = { ...head!, seq: String(BigInt(head!.seq) + 1000n) };
    await writeFile(ahead, `${JSON.stringify(beyond)}\n`);
    const run = (file: string) =>
      spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "audit-verify.ts")], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: inject("databaseUrl"), AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY, AUDIT_HEAD_FILE: file },
        encoding: "utf8",
        timeout: 60_000,
      });
    const ok = run(good);
    expect(ok.stdout).toContain("Intact");
    expect(ok.status).toBe(0);
    const broken = run(ahead);
    expect(broken.stdout).toMatch(/\[head_missing\].*newest events were deleted/);
    expect(broken.status).toBe(1);
  });

  it("is sealed by the worker every few seconds, which appends each new head to the file outside the database", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rc-audit-worker-"));
    const file = path.join(dir, "audit-head.log");
    const sealer = startAuditSealer(200, process.env.AUDIT_HMAC_KEY, file);
    try {
      const id = await event("test.worker-sealed");
      await expect.poll(async () => prisma.auditSeal.count({ where: { eventId: id } }), { timeout: 10_000 }).toBe(1);
      await expect.poll(async () => (await readAuditHeads(file)).some((h) => BigInt(h.seq) >= 1n), { timeout: 10_000 }).toBe(true);
    } finally {
      await sealer.stop();
    }
    const heads = await readAuditHeads(file);
    expect(new Set(heads.map((h) => h.seq)).size).toBe(heads.length);
    expect((await verifyAuditLog(prisma, key, heads)).breaks).toEqual([]);
  });
});
