import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp";
import type { AuthorizationFormInput } from "@/domain/authorization-form";
import { type CookieJar, finishPortalSignIn, portalRequestId, startPortalSignIn, TOO_MANY, WRONG_CODE } from "@/server/portal/access";
import { downloadRecords, exchangeDownloadToken, issueDownloadGrant, revokeDownloadLinks, sendNewLink } from "@/server/portal/downloads";
import { portalInvoicePdf, respondToDeficiency, revokeAuthorization } from "@/server/portal/portal";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { computeRequestFees, issueInvoice } from "@/server/staff/invoices";
import { attachRecords, releaseBySecureEmail, verifyProviderAddress } from "@/server/staff/release";
import { transitionRequest } from "@/server/staff/requests";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";

const prisma = testPrisma();
let smtp: LocalSmtp;
let associate: StaffIdentity;

/** A browser's cookie store, as next/headers would keep it for one client. */
function browser(): CookieJar & { names: () => string[] } {
  const values = new Map<string, string>();
  return {
    get: (name) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
    names: () => [...values.keys()],
  };
}

beforeAll(async () => {
  smtp = await startLocalSmtp({ mailboxDir: path.join(inject("dataDir"), `portal-mailbox-${randomUUID()}`) });
  process.env.SMTP_URL = smtp.url;
  const user = await prisma.staffUser.create({ data: { email: `portal-${randomUUID()}@example.com`, name: "Portal Associate", role: "ASSOCIATE", passwordHash: "x" } });
  associate = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

const v = async (id: string) => (await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).version;

async function submit(form: AuthorizationFormInput = validPatientForm()) {
  const submitted = await submitAuthorization({ payload: form, idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  return { id: submitted.requestId, confirmationNumber: submitted.confirmationNumber };
}

/** Waits for the mail whose decoded text contains every one of `parts`, and returns that text. */
async function mailAbout(...parts: string[]): Promise<string> {
  for (let i = 0; i < 100; i++) {
    for (const name of (await readdir(smtp.mailboxDir)).filter((n) => n.endsWith(".eml"))) {
      const text = await readFile(path.join(smtp.mailboxDir, name), "utf8");
      const decoded = text.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      if (parts.every((part) => decoded.includes(part))) return decoded;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail about ${parts.join(", ")}`);
}

async function signIn(jar: CookieJar, confirmationNumber: string, typed = confirmationNumber) {
  expect(await startPortalSignIn({ confirmationNumber: typed, dateOfBirth: "1984-03-14" }, randomUUID(), new Date(), jar)).toEqual({ ok: true });
  const mail = await mailAbout("sign-in code is", confirmationNumber);
  const code = /sign-in code is (\d{6})/.exec(mail)![1]!;
  return finishPortalSignIn(code, new Date(), jar);
}

describe("the requester portal", () => {
  it("signs in with the confirmation number, date of birth and the e-mailed code; the code works once", async () => {
    const { id, confirmationNumber } = await submit();
    const jar = browser();
    expect(await signIn(jar, confirmationNumber, confirmationNumber.toLowerCase().replace(/-/g, " "))).toEqual({ ok: true });
    expect(await portalRequestId(jar)).toBe(id);
    const code = await prisma.requesterAccessCode.findFirstOrThrow({ where: { requestId: id } });
    expect(code.consumedAt).not.toBeNull();
    expect(code.codeHash).toMatch(/^[0-9a-f]{64}$/); // only a hash is kept
  });

  it("answers a wrong number or date of birth exactly like a right one, and then refuses any code", async () => {
    const { confirmationNumber } = await submit();
    const right = browser();
    const wrongDob = browser();
    const unknown = browser();
    const answers = await Promise.all([
      startPortalSignIn({ confirmationNumber, dateOfBirth: "1984-03-14" }, randomUUID(), new Date(), right),
      startPortalSignIn({ confirmationNumber, dateOfBirth: "1984-03-15" }, randomUUID(), new Date(), wrongDob),
      startPortalSignIn({ confirmationNumber: "RC-0000-0000", dateOfBirth: "1984-03-14" }, randomUUID(), new Date(), unknown),
    ]);
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const mail = await mailAbout("sign-in code is", confirmationNumber);
    const code = /sign-in code is (\d{6})/.exec(mail)![1]!;
    // The real code, used from the browser that gave a wrong date of birth: refused like any wrong code.
    expect(await finishPortalSignIn(code, new Date(), wrongDob)).toEqual({ ok: false, message: WRONG_CODE });
    expect(await finishPortalSignIn(code, new Date(), unknown)).toEqual({ ok: false, message: WRONG_CODE });
    expect(await portalRequestId(wrongDob)).toBeNull();
  });

  it("limits guesses, and expires codes after 10 minutes", async () => {
    const { confirmationNumber } = await submit();
    const jar = browser();
    const start = new Date();
    await startPortalSignIn({ confirmationNumber, dateOfBirth: "1984-03-14" }, randomUUID(), start, jar);
    const mail = await mailAbout("sign-in code is", confirmationNumber);
    const code = /sign-in code is (\d{6})/.exec(mail)![1]!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) expect(await finishPortalSignIn(wrong, start, jar)).toEqual({ ok: false, message: WRONG_CODE });
    expect(await finishPortalSignIn(code, start, jar)).toEqual({ ok: false, message: TOO_MANY });

    const later = browser();
    await startPortalSignIn({ confirmationNumber, dateOfBirth: "1984-03-14" }, randomUUID(), start, later);
    const rows = await prisma.requesterAccessCode.findMany({ where: { request: { confirmationNumber }, consumedAt: null } });
    expect(rows).toHaveLength(1);
    // Eleven minutes on, even the right code no longer works (and the pending sign-in has lapsed too).
    expect((await finishPortalSignIn("123456", new Date(start.getTime() + 11 * 60_000), later)).ok).toBe(false);
  });

  it("lets the requester answer a deficiency with a note and a document, visible to staff", async () => {
    const { id } = await submit();
    await transitionRequest(associate, id, await v(id), "START_REVIEW");
    await transitionRequest(associate, id, await v(id), "MARK_DEFICIENT", { reason: "The photo ID is unreadable" });
    const deficiency = await prisma.deficiency.findFirstOrThrow({ where: { requestId: id } });
    expect((await respondToDeficiency(id, deficiency.id, "", [])).ok).toBe(false);
    const scan = fileOf(photoPng(), "new-id.png", "image/png");
    expect(await respondToDeficiency(id, deficiency.id, "Here is a clearer photo.", [scan])).toEqual({ ok: true });
    expect(await prisma.deficiency.findUniqueOrThrow({ where: { id: deficiency.id } })).toMatchObject({ response: "Here is a clearer photo.", respondedAt: expect.any(Date) });
    expect(await prisma.document.count({ where: { requestId: id, kind: "DEFICIENCY_RESPONSE" } })).toBe(1);
    // Sending more adds to the answer: files alone keep the text, a further note is added after it.
    expect(await respondToDeficiency(id, deficiency.id, "", [fileOf(photoPng(), "back.png", "image/png")])).toEqual({ ok: true });
    expect(await respondToDeficiency(id, deficiency.id, "The back of the card is attached too.", [])).toEqual({ ok: true });
    expect((await prisma.deficiency.findUniqueOrThrow({ where: { id: deficiency.id } })).response).toBe("Here is a clearer photo.\n\nThe back of the card is attached too.");
    expect(await prisma.document.count({ where: { requestId: id, kind: "DEFICIENCY_RESPONSE" } })).toBe(2);
    // Another request's session cannot answer this deficiency.
    const other = await submit();
    expect((await respondToDeficiency(other.id, deficiency.id, "Not mine", [])).ok).toBe(false);
  });

  it("revokes in writing: the request closes at once, and nothing can be released after", async () => {
    const { id } = await submit();
    expect((await revokeAuthorization(id, { signerName: "", statement: "", confirm: true })).ok).toBe(false);
    expect(await revokeAuthorization(id, { signerName: "Jordan A. Sample", statement: "I changed my mind.", confirm: true })).toEqual({ ok: true, access: false });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { revocations: true } });
    expect(r).toMatchObject({ status: "REVOKED", closedAt: expect.any(Date) });
    expect(r.revocations).toMatchObject([{ signerName: "Jordan A. Sample", statement: "I changed my mind." }]);
    expect((await transitionRequest(associate, id, r.version, "START_REVIEW")).ok).toBe(false);
  });

  it("downloads the released records through a hashed, limited, revocable link, each download a disclosure", async () => {
    const form = validPatientForm();
    form.recipient = { kind: "MEDICAL_PROVIDER", name: "Example Family Clinic", address: { line1: "9 Clinic Road", city: "Aurora", state: "IL", postalCode: "60505" }, phone: "630-555-0188" } as AuthorizationFormInput["recipient"];
    const { id } = await submit(form);
    await transitionRequest(associate, id, await v(id), "START_REVIEW");
    await transitionRequest(associate, id, await v(id), "VERIFY", { checklist: { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true } });
    await verifyProviderAddress(associate, id, await v(id), true);
    await attachRecords(associate, id, await v(id), fileOf(await samplePdf("The records", 4), "records.pdf", "application/pdf"));
    expect(await releaseBySecureEmail(associate, id, await v(id))).toEqual({ ok: true });

    const { url } = await issueDownloadGrant(prisma as never, id);
    const token = new URL(url).searchParams.get("t")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const grant = await prisma.downloadGrant.findFirstOrThrow({ where: { requestId: id } });
    expect(grant.tokenHash).not.toContain(token);

    const jar = browser();
    expect(await exchangeDownloadToken(token, new Date(), jar)).toEqual({ ok: true });
    // The link opens its download only, not the portal.
    expect(await portalRequestId(jar)).toBeNull();
    const disclosuresBefore = await prisma.disclosure.count({ where: { requestId: id } });
    const file = await downloadRecords(new Date(), jar);
    expect(file?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(disclosuresBefore + 1);
    expect(await prisma.auditEvent.count({ where: { requestId: id, action: "document.downloaded", details: { path: ["kind"], equals: "RELEASED_RECORDS" } } })).toBe(1);
    // A browser signed in to the portal, without the link, gets no download.
    const signedIn = browser();
    expect(await signIn(signedIn, (await submit()).confirmationNumber)).toEqual({ ok: true });
    expect(await downloadRecords(new Date(), signedIn)).toBeNull();

    // Limited: five downloads in all (one done), however many are asked for at once.
    const results = await Promise.all(Array.from({ length: 8 }, () => downloadRecords(new Date(), jar)));
    expect(results.filter(Boolean)).toHaveLength(4);
    expect((await prisma.downloadGrant.findUniqueOrThrow({ where: { id: grant.id } })).downloadCount).toBe(5);

    // Expired and revoked links are refused, with the way to a new link remembered (no token kept).
    const expired = browser();
    expect(await exchangeDownloadToken(token, new Date(Date.now() + 31 * 86_400_000), expired)).toEqual({ ok: false, reason: "expired" });
    const second = new URL((await issueDownloadGrant(prisma as never, id)).url).searchParams.get("t")!;
    expect(await revokeDownloadLinks(associate, id)).toEqual({ ok: true });
    const revoked = browser();
    expect(await exchangeDownloadToken(second, new Date(), revoked)).toEqual({ ok: false, reason: "revoked" });
    expect(await portalRequestId(revoked)).toBeNull();
    await sendNewLink(new Date(), revoked);
    const mail = await mailAbout(`A new link for your records request`);
    const fresh = /portal\/download\?t=([A-Za-z0-9_-]{43})/.exec(mail)![1]!;
    expect(await exchangeDownloadToken(fresh, new Date(), browser())).toEqual({ ok: true });
  });

  it("shows a requester only their own invoices", async () => {
    const form = validPatientForm();
    form.delivery = { method: "MAIL", address: { line1: "100 Example Street", city: "Naperville", state: "IL", postalCode: "60540" } } as AuthorizationFormInput["delivery"];
    const { id } = await submit(form);
    await transitionRequest(associate, id, await v(id), "START_REVIEW");
    await transitionRequest(associate, id, await v(id), "VERIFY", { checklist: { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true } });
    await attachRecords(associate, id, await v(id), fileOf(await samplePdf("The records", 8), "records.pdf", "application/pdf"));
    const entry = { medium: "PAPER", microformPages: 0, postage: "0", atCostItems: [] };
    const fees = await computeRequestFees(associate, id, entry);
    expect(await issueInvoice(associate, id, await v(id), entry, fees.ok ? fees.computation.totalCents : -1)).toEqual({ ok: true });
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { requestId: id } });
    expect(await portalInvoicePdf(id, invoice.id)).not.toBeNull();
    expect(await portalInvoicePdf((await submit()).id, invoice.id)).toBeNull();
  });
});
