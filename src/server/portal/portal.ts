import "server-only";
import { decide } from "@/domain/lifecycle";
import { portalCanRevoke, REVOCATION_BY_LETTER, revocationSignerProblem } from "@/domain/revocation";
import { recordAudit } from "../audit";
import { db } from "../db";
import { fileStore } from "../storage";
import { invoicePdf } from "../staff/invoices";
import { applyRevocation } from "../staff/revocation";
import { checkUpload, type CheckedUpload } from "../uploads";

/**
 * What the requester sees and does in the portal. Every function takes the request id of the
 * portal session (never one from the URL or the form), so one requester can reach nothing of
 * another's: an id of someone else's invoice or document simply finds nothing.
 */
export async function portalView(requestId: string) {
  const r = await db().authorizationRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      confirmationNumber: true,
      requestKind: true,
      status: true,
      receivedAt: true,
      dueAt: true,
      extendedAt: true,
      extensionReason: true,
      deliveryMethod: true,
      deliveryEmail: true,
      recipientKind: true,
      mailTrackingNumber: true,
      mailedAt: true,
      pickupScheduledFor: true,
      patientFirstName: true,
      // A third party's request: whoever signs in is most likely the organisation (the updates go to its address).
      thirdPartyRequester: { select: { organization: true, kind: true } },
      statusChanges: { orderBy: { at: "asc" }, select: { id: true, toStatus: true, at: true, note: true } },
      deficiencies: { orderBy: { createdAt: "asc" }, select: { id: true, reasons: true, createdAt: true, respondedAt: true, response: true, resolvedAt: true } },
      invoices: { orderBy: { issuedAt: "asc" }, select: { id: true, number: true, status: true, totalCents: true, issuedAt: true, dueAt: true, paidAt: true, payments: { select: { amountCents: true } } } },
      revocations: { select: { signedAt: true } },
      accountingRequests: { orderBy: { requestedAt: "desc" }, select: { requestedAt: true, fulfilledAt: true } },
      downloadGrants: { select: { id: true } },
      // The signed PDF is drawn after submission (decision 0021): "being prepared" until it exists.
      _count: { select: { documents: { where: { kind: "SIGNED_AUTHORIZATION" } } } },
    },
  });
  if (!r) return null;
  await recordAudit(db(), { actor: { type: "REQUESTER", requestId }, action: "portal.viewed", objectType: "AuthorizationRequest", objectId: requestId, requestId });
  return r;
}

export type PortalResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const MAX_RESPONSE_FILES = 5;

/** The requester answers a deficiency: a note and/or documents; staff see it on the request at once. */
export async function respondToDeficiency(requestId: string, deficiencyId: string, text: string, files: File[], now = new Date()): Promise<PortalResult> {
  const note = text.trim();
  const fieldErrors: Record<string, string[]> = {};
  if (!note && files.length === 0) fieldErrors.response = ["Write what you want us to know, or upload the document we asked for"];
  if (note.length > 2000) fieldErrors.response = ["Keep your answer under 2,000 characters"];
  if (files.length > MAX_RESPONSE_FILES) fieldErrors.files = [`Upload at most ${MAX_RESPONSE_FILES} files`];
  const checked: CheckedUpload[] = [];
  for (const file of files.slice(0, MAX_RESPONSE_FILES)) {
    const result = await checkUpload(file);
    if (result.ok) checked.push(result);
    else (fieldErrors.files ??= []).push(`${file.name.slice(0, 80)}: ${result.message}`);
  }
  if (Object.keys(fieldErrors).length) return { ok: false, message: "Check the highlighted fields.", fieldErrors };

  const deficiency = await db().deficiency.findFirst({ where: { id: deficiencyId, requestId, resolvedAt: null }, select: { id: true, response: true, request: { select: { status: true } } } });
  if (!deficiency || deficiency.request.status !== "DEFICIENT") return { ok: false, message: "This request is not waiting for anything from you." };
  const stored = await Promise.all(checked.map(async (c) => ({ c, file: await fileStore().put(c.bytes) })));
  try {
    await db().$transaction(async (tx) => {
      for (const { c, file } of stored) {
        await tx.document.create({ data: { requestId, kind: "DEFICIENCY_RESPONSE", storageKey: file.storageKey, contentType: c.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256, originalName: c.originalName } });
      }
      await tx.deficiency.update({ where: { id: deficiency.id }, data: { respondedAt: now, response: answerSoFar(deficiency.response, note) } });
      await recordAudit(tx, { actor: { type: "REQUESTER", requestId }, action: "deficiency.answered", objectType: "Deficiency", objectId: deficiency.id, requestId, details: { files: stored.length } });
    });
  } catch (error) {
    await Promise.all(stored.map(({ file }) => fileStore().remove(file.storageKey).catch(() => undefined)));
    throw error;
  }
  return { ok: true };
}

/** A later answer ("send more") adds to the earlier one; an answer of files only keeps the text. */
function answerSoFar(previous: string | null, note: string): string | null {
  if (!note) return previous;
  return previous ? `${previous}\n\n${note}` : note;
}

/**
 * A written, signed revocation (45 CFR 164.508(b)(5)): nothing not yet released goes out. It
 * takes effect at once — the request is closed as revoked, open download links stop working,
 * and staff see it on the queue and the request page.
 */
export async function revokeAuthorization(requestId: string, input: { signerName: string; statement: string; confirm: boolean }, now = new Date()): Promise<PortalResult & { access?: boolean }> {
  const fieldErrors: Record<string, string[]> = {};
  if (!input.signerName.trim() || input.signerName.trim().length > 120) fieldErrors.signerName = ["Type your full name to sign the revocation"];
  if (!input.confirm) fieldErrors.confirm = ["Tick the box to confirm that nothing more is to be released"];
  if (input.statement.length > 1000) fieldErrors.statement = ["Keep this under 1,000 characters"];
  if (Object.keys(fieldErrors).length) return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  const r = await db().authorizationRequest.findUnique({ where: { id: requestId } });
  if (!r) return { ok: false, message: "This request could not be found." };
  // The portal of a third party's request is the organisation's view: only the patient (or their representative) revokes, in writing.
  if (r.thirdPartyRequesterId) return { ok: false, message: "Only the patient or their legal representative can revoke this authorization: in writing, or by calling us." };
  // Only the patient or personal representative revokes (45 CFR 164.508(b)(5)): the portal's code
  // proves who signs in only when it went to the requester's own address (src/domain/revocation.ts).
  if (!portalCanRevoke(r)) return { ok: false, message: `Only the patient or their personal representative can revoke this authorization, and this sign-in cannot confirm who you are. ${REVOCATION_BY_LETTER} Call us for the address.` };
  const signerProblem = revocationSignerProblem(r, r.requesterKind, input.signerName);
  if (signerProblem) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { signerName: [`Sign with your own full name, as on the authorization: ${signerProblem.charAt(0).toLowerCase()}${signerProblem.slice(1)}`] } };
  const decision = decide(r.status, "REVOKE", "requester", r);
  if (!decision.ok) return { ok: false, message: "This authorization can no longer be revoked here: the request is closed. Call us if you need help." };
  return db().$transaction(async (tx) => {
    const updated = await tx.authorizationRequest.updateMany({
      where: { id: requestId, version: r.version, status: r.status },
      data: { status: "REVOKED", version: { increment: 1 }, closedAt: now, closeReason: "Revoked in writing by the requester" },
    });
    if (updated.count !== 1) return { ok: false as const, message: "Your request changed while you were revoking. Reload the page and try again." };
    const actor = { type: "REQUESTER" as const, requestId };
    const { revocation } = await applyRevocation(tx, r, { signerKind: r.requesterKind, signerName: input.signerName, statement: input.statement, signedAt: now, receivedVia: "PORTAL", recordedById: null, documentId: null }, actor, now);
    const access = r.requestKind === "ACCESS";
    await tx.statusChange.create({ data: { requestId, fromStatus: r.status, toStatus: "REVOKED", at: now, note: access ? "Request withdrawn in writing" : "Authorization revoked in writing" } });
    await recordAudit(tx, { actor, action: "request.revoked", objectType: "Revocation", objectId: revocation.id, requestId, details: { from: r.status } });
    return { ok: true as const, access };
  });
}

/** An invoice of the session's own request, as a PDF; the open is audited. */
export async function portalInvoicePdf(requestId: string, invoiceId: string) {
  const pdf = await invoicePdf(requestId, invoiceId);
  if (!pdf) return null;
  await recordAudit(db(), { actor: { type: "REQUESTER", requestId }, action: "invoice.viewed", objectType: "Invoice", objectId: invoiceId, requestId });
  return pdf;
}

/** Whether this request was started by a third party (its portal is then the organisation's view, without the patient's signed form). */
export async function isThirdPartyRequest(requestId: string): Promise<boolean> {
  const r = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { thirdPartyRequesterId: true } });
  return !!r?.thirdPartyRequesterId;
}
