import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp";
import type { AuthorizationFormInput } from "@/domain/authorization-form";
import { type CookieJar, endPortalSession, finishPortalSignIn, MIN_ANSWER_MS, portalRequestId, startPortalSignIn, TOO_MANY, WRONG_CODE } from "@/server/portal/access";
import { currentDownload, downloadRecords, exchangeDownloadToken, issueDownloadGrant, revokeDownloadLinks } from "@/server/portal/downloads";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { attachRecords, releaseBySecureEmail } from "@/server/staff/release";
import { transitionRequest } from "@/server/staff/requests";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";

/** The portal against a red team: one answer for every wrong sign-in, sessions that can end, links that open only their download. */
const prisma = testPrisma();
let smtp: LocalSmtp;
let associate: StaffIdentity;
const DOB = "1984-03-14"; // validPatientForm's

type Browser = CookieJar & { copy: () => Browser };
function browser(values = new Map<string, string>()): Browser {
  return {
    get: (name) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
    copy: () => browser(new Map(values)),
  };
}

beforeAll(async () => {
  smtp = await startLocalSmtp({ mailboxDir: path.join(inject("dataDir"), `portal-sessions-mailbox-${randomUUID()}`) });
  process.env.SMTP_URL = smtp.url;
  const user = await prisma.staffUser.create({ data: { email: `portal-sessions-${randomUUID()}@example.com`, name: "Sessions Associate", role: "ASSOCIATE", passwordHash: "x" } });
  associate = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

async function submit(form: AuthorizationFormInput = validPatientForm()) {
  const submitted = await submitAuthorization({ payload: form, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { id: submitted.requestId, confirmationNumber: submitted.confirmationNumber };
}

async function codeFor(confirmationNumber: string, seen = new Set<string>()): Promise<string> {
  for (let i = 0; i < 100; i++) {
    for (const name of (await readdir(smtp.mailboxDir)).filter((n) => n.endsWith(".eml") && !seen.has(n))) {
      const text = (await readFile(path.join(smtp.mailboxDir, name), "utf8")).replace(/=\r?\n/g, "");
      const code = /sign-in code is (\d{6})/.exec(text)?.[1];
      if (code && text.includes(confirmationNumber)) return code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code for ${confirmationNumber}`);
}

async function signIn(jar: CookieJar, confirmationNumber: string) {
  expect(await startPortalSignIn({ confirmationNumber, dateOfBirth: DOB }, randomUUID(), new Date(), jar)).toEqual({ ok: true });
  return finishPortalSignIn(await codeFor(confirmationNumber), new Date(), jar);
}

async function timed<T>(f: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await f();
  return { result, ms: performance.now() - start };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("portal sign-in answers", () => {
  it("are the same, lockout included, for a right pair with wrong codes, a wrong date of birth and an unknown number", async () => {
    const { confirmationNumber } = await submit();
    const right = browser();
    const wrongDob = browser();
    const unknown = browser();
    await startPortalSignIn({ confirmationNumber, dateOfBirth: DOB }, randomUUID(), new Date(), right);
    await startPortalSignIn({ confirmationNumber, dateOfBirth: "1984-03-15" }, randomUUID(), new Date(), wrongDob);
    await startPortalSignIn({ confirmationNumber: "RC-2222-2222", dateOfBirth: DOB }, randomUUID(), new Date(), unknown);
    const code = await codeFor(confirmationNumber);
    const wrong = code === "000000" ? "111111" : "000000";

    const times: Record<string, number[]> = { right: [], wrongDob: [], unknown: [] };
    for (const [name, jar] of Object.entries({ right, wrongDob, unknown })) {
      // Five wrong codes: "not right" each time, for all three.
      for (let i = 0; i < 5; i++) {
        const { result, ms } = await timed(() => finishPortalSignIn(wrong, new Date(), jar));
        expect(result, `${name}, attempt ${i + 1}`).toEqual({ ok: false, message: WRONG_CODE });
        times[name]!.push(ms);
      }
      // The sixth — even the real code — is "too many attempts" for all three: a wrong pair locks
      // exactly like the right one, so the lock reveals nothing.
      const { result, ms } = await timed(() => finishPortalSignIn(code, new Date(), jar));
      expect(result, `${name}, after five`).toEqual({ ok: false, message: TOO_MANY });
      times[name]!.push(ms);
    }
    // Every refusal takes at least the floor, so no path answers measurably sooner.
    for (const [name, list] of Object.entries(times)) for (const ms of list) expect(ms, name).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 1);
    const medians = Object.values(times).map(median);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(100);
  });
});

describe("portal sessions", () => {
  it("live in the database: the cookie holds a random token, and after sign-out a copy of it opens nothing", async () => {
    const { id, confirmationNumber } = await submit();
    const jar = browser();
    expect(await signIn(jar, confirmationNumber)).toEqual({ ok: true });
    const stolen = jar.copy();
    expect(await portalRequestId(stolen)).toBe(id);
    const session = await prisma.portalSession.findFirstOrThrow({ where: { requestId: id, kind: "PORTAL" } });
    expect(session.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    await endPortalSession(jar);
    expect(await portalRequestId(jar)).toBeNull();
    // The cookie as it was before signing out (replayed, or kept by another tab) no longer works.
    expect(await portalRequestId(stolen)).toBeNull();
    expect((await prisma.portalSession.findUniqueOrThrow({ where: { id: session.id } })).endedAt).not.toBeNull();
  });

  it("from an e-mailed link open only its download, and end at once when staff withdraw the links, as do code sessions", async () => {
    const form = validPatientForm();
    form.recipient = { kind: "MEDICAL_PROVIDER", name: "Example Family Clinic", address: { line1: "9 Clinic Road", city: "Aurora", state: "IL", postalCode: "60505" }, phone: "630-555-0188" } as AuthorizationFormInput["recipient"];
    const { id, confirmationNumber } = await submit(form);
    const v = async () => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;
    await transitionRequest(associate, id, await v(), "START_REVIEW");
    await transitionRequest(associate, id, await v(), "VERIFY", { checklist: { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true } });
    await attachRecords(associate, id, await v(), fileOf(await samplePdf("The records"), "records.pdf", "application/pdf"), 4);
    expect(await releaseBySecureEmail(associate, id, await v())).toEqual({ ok: true });
    const token = new URL((await issueDownloadGrant(prisma as never, id)).url).searchParams.get("t")!;

    // The link alone: its download, and not the portal (no status, invoices or signed authorization).
    const linkOnly = browser();
    expect(await exchangeDownloadToken(token, new Date(), linkOnly)).toEqual({ ok: true });
    expect(await portalRequestId(linkOnly)).toBeNull();
    expect(await currentDownload(new Date(), linkOnly)).toMatchObject({ requestId: id, confirmationNumber });
    expect((await downloadRecords(new Date(), linkOnly))?.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // The requester, signed in with a code, in another browser.
    const signedIn = browser();
    expect(await signIn(signedIn, confirmationNumber)).toEqual({ ok: true });
    expect(await portalRequestId(signedIn)).toBe(id);

    expect(await revokeDownloadLinks(associate, id)).toEqual({ ok: true });
    // At once, not in 30 minutes: the link's session downloads nothing, the code session is over.
    expect(await currentDownload(new Date(), linkOnly)).toBeNull();
    expect(await downloadRecords(new Date(), linkOnly)).toBeNull();
    expect(await portalRequestId(linkOnly)).toBeNull();
    expect(await portalRequestId(signedIn)).toBeNull();
    expect(await prisma.portalSession.count({ where: { requestId: id, endedAt: null } })).toBe(0);
  });
});
