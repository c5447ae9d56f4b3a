import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLocalSmtp, type LocalSmtp } from "../../scripts/lib/local-smtp";
import type { CookieJar } from "@/server/portal/access";
import { deliverNotification } from "@/server/notifications/delivery";
import { isThirdPartyRequest, revokeAuthorization } from "@/server/portal/portal";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import { IDENTITY_REFUSED, LINK_CLOSED, openSigningLink, startThirdPartyRequest, verifiedInvitation, verifySigningIdentity } from "@/server/third-party/invitations";
import { MAX_IDENTITY_ATTEMPTS, type ThirdPartyStartInput } from "@/domain/third-party";
import { fileOf, photoPng } from "../support/files";
import { validPatientForm } from "../support/forms";
import { testPrisma } from "./db";

/** Third-party requests on a real database and SMTP: the invitation, its single-use link, the identity check, the signed request. */
const prisma = testPrisma();
let smtp: LocalSmtp;

function browser(values = new Map<string, string>()): CookieJar {
  return { get: (n) => (values.has(n) ? { value: values.get(n)! } : undefined), set: (n, v) => void values.set(n, v), delete: (n) => void values.delete(n) };
}

beforeAll(async () => {
  smtp = await startLocalSmtp({ mailboxDir: path.join(inject("dataDir"), `third-party-mailbox-${randomUUID()}`) });
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp.stop();
  await prisma.$disconnect();
});

const client = () => ({ clientKey: randomUUID(), clientToken: randomUUID(), idempotencyKey: randomUUID() });

const start = (patientEmail: string): ThirdPartyStartInput => ({
  kind: "INSURER",
  organization: "Prairie Mutual Insurance",
  contactName: "Alex Claims",
  email: "claims@prairiemutual.example",
  phone: "630-555-0111",
  address: { line1: "5 Insurance Plaza", city: "Oak Brook", state: "IL", postalCode: "60523" },
  patientFirstName: "Jordan",
  patientLastName: "Sample",
  patientDateOfBirth: "1984-03-14",
  patientEmail,
  recordsRequested: "Lab results from 2025",
  purpose: "Life insurance application",
  understandsPatientSigns: true,
});

async function invite() {
  const patientEmail = `tp-${randomUUID()}@example.org`;
  const started = await startThirdPartyRequest(start(patientEmail), client());
  if (!started.ok) throw new Error(JSON.stringify(started));
  const invitation = await prisma.signingInvitation.findUniqueOrThrow({ where: { confirmationNumber: started.confirmationNumber } });
  expect(invitation.notificationId).toBeTruthy();
  expect(await deliverNotification({ notificationId: invitation.notificationId! })).toBe("sent");
  let text = "";
  for (const name of (await readdir(smtp.mailboxDir)).filter((n) => n.endsWith(".eml"))) {
    const raw = (await readFile(path.join(smtp.mailboxDir, name), "utf8")).replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    if (raw.includes(patientEmail)) text = raw;
  }
  const token = /\/sign\/open\?t=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error("no link in the invitation");
  return { started, invitation, token, text };
}

const patientSigns = (confirmationNumber: string, requesterId: string, invitationId: string) =>
  submitAuthorization({
    // What a tampering browser might send: another recipient and date of birth. The action overrides both; here the use case gets the invitation's.
    payload: {
      ...validPatientForm(),
      recipient: { kind: "THIRD_PARTY", name: "Prairie Mutual Insurance", address: { line1: "5 Insurance Plaza", city: "Oak Brook", state: "IL", postalCode: "60523" }, email: "claims@prairiemutual.example" },
      purpose: { purpose: "INSURANCE" },
    },
    idempotencyKey: randomUUID(),
    photoId: fileOf(photoPng(), "id.png", "image/png"),
    authorityProof: [],
    clientKey: randomUUID(),
    clientToken: randomUUID(),
    thirdParty: { requesterId, invitationId, confirmationNumber, kind: "INSURER", organization: "Prairie Mutual Insurance" },
  });

describe("third-party requests", () => {
  it("e-mails the patient a link without PHI; only the token's hash is stored", async () => {
    const { invitation, token, text } = await invite();
    for (const secret of ["Sample", "Prairie", "1984", "Lab results", "insurance application"]) expect(text).not.toContain(secret);
    const row = await prisma.signingInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
  });

  it("refuses bad answers with field messages and stores nothing", async () => {
    const before = await prisma.thirdPartyRequester.count();
    const result = await startThirdPartyRequest({ ...start("claims@prairiemutual.example"), understandsPatientSigns: false, kind: "PATIENT" }, client());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(["kind", "understandsPatientSigns"]));
    // The link goes to the patient, never to the organisation's own address.
    const own = await startThirdPartyRequest(start("claims@prairiemutual.example"), client());
    expect(own.ok === false && own.fieldErrors?.patientEmail).toBeTruthy();
    expect(await prisma.thirdPartyRequester.count()).toBe(before);
  });

  it("a double submit or retry with the same form key stores one invitation and sends one e-mail; another browser's replay gets nothing", async () => {
    const patientEmail = `tp-twice-${randomUUID()}@example.org`;
    const sender = client();
    const results = await Promise.all([startThirdPartyRequest(start(patientEmail), sender), startThirdPartyRequest(start(patientEmail), sender)]);
    const retry = await startThirdPartyRequest(start(patientEmail), sender);
    expect(new Set([...results, retry].map((r) => (r.ok ? r.confirmationNumber : "refused"))).size).toBe(1);
    expect(retry.ok).toBe(true);
    expect(await prisma.signingInvitation.count({ where: { patientEmail } })).toBe(1);
    expect(await prisma.notification.count({ where: { toAddress: patientEmail, template: "SIGNING_INVITATION" } })).toBe(1);
    expect(await startThirdPartyRequest(start(patientEmail), { ...sender, clientToken: randomUUID() })).toMatchObject({ ok: false, message: expect.stringContaining("already sent") });
    expect(await startThirdPartyRequest(start(patientEmail), { ...sender, idempotencyKey: "not-a-key" })).toMatchObject({ ok: false });
  });

  it("checks the date of birth with one answer for every wrong one, and closes the link after too many", async () => {
    const { token } = await invite();
    const jar = browser();
    expect(await openSigningLink("x".repeat(43), new Date(), jar)).toBe(false);
    expect(await openSigningLink(token, new Date(), jar)).toBe(true);
    expect(await verifiedInvitation(new Date(), jar)).toBeNull();
    for (let i = 0; i < MAX_IDENTITY_ATTEMPTS - 1; i++) expect(await verifySigningIdentity("1984-03-15", new Date(), jar)).toEqual({ ok: false, message: IDENTITY_REFUSED });
    expect(await verifySigningIdentity("1984-03-14", new Date(), jar)).toEqual({ ok: true });
    expect(await verifiedInvitation(new Date(), jar)).not.toBeNull();

    const other = await invite();
    const jar2 = browser();
    expect(await openSigningLink(other.token, new Date(), jar2)).toBe(true);
    for (let i = 0; i < MAX_IDENTITY_ATTEMPTS; i++) await verifySigningIdentity("2000-01-01", new Date(), jar2);
    // Locked: even the right answer no longer opens it.
    expect(await verifySigningIdentity("1984-03-14", new Date(), jar2)).toEqual({ ok: false, message: LINK_CLOSED });
    expect(await openSigningLink(other.token, new Date(), browser())).toBe(false);
  });

  it("the patient's signature makes a request with the third party as requester and recipient, under the reserved number, once", async () => {
    const { started, invitation } = await invite();
    const signed = await patientSigns(started.confirmationNumber, invitation.thirdPartyRequesterId, invitation.id);
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(signed.confirmationNumber).toBe(started.confirmationNumber);
    const request = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: signed.requestId }, include: { thirdPartyRequester: true, signingInvitation: true } });
    expect(request.recipientKind).toBe("THIRD_PARTY");
    expect(request.thirdPartyRequester?.organization).toBe("Prairie Mutual Insurance");
    expect(request.signingInvitation?.usedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "request.submitted" } });
    expect(audit.details).toMatchObject({ thirdPartyKind: "INSURER" });

    // A second signing through the same invitation stores nothing.
    const again = await patientSigns(`RC-ZZZZ-${started.confirmationNumber.slice(-4)}`, invitation.thirdPartyRequesterId, invitation.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Error);
    expect(await prisma.authorizationRequest.count({ where: { thirdPartyRequesterId: invitation.thirdPartyRequesterId } })).toBe(1);

    // Its portal is the organisation's view: no revoking the patient's authorization there.
    const revoked = await revokeAuthorization(signed.requestId, { signerName: "Alex Claims", statement: "", confirm: true });
    expect(revoked.ok).toBe(false);
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: signed.requestId } })).status).toBe("SUBMITTED");
    expect(await isThirdPartyRequest(signed.requestId)).toBe(true);
  });

  it("the database refuses a third-party request whose recipient is not the third party", async () => {
    const { invitation } = await invite();
    const mine = await submitAuthorization({ payload: validPatientForm(), idempotencyKey: randomUUID(), photoId: fileOf(photoPng(), "id.png", "image/png"), authorityProof: [], clientKey: randomUUID(), clientToken: randomUUID() });
    if (!mine.ok) throw new Error("not stored");
    await expect(prisma.authorizationRequest.update({ where: { id: mine.requestId }, data: { thirdPartyRequesterId: invitation.thirdPartyRequesterId } })).rejects.toThrow(/third_party_is_recipient/);
  });
});
