import "server-only";
import { startOfDayInChicago, isCalendarDay, todayInChicago } from "@/domain/chicago";
import { revocationSignerProblem } from "@/domain/revocation";
import { can } from "@/domain/staff-access";
import type { AuthorizationRequest } from "@/generated/prisma/client";
import { type Actor, recordAudit } from "../audit";
import type { Tx } from "../db";
import { fileStore } from "../storage";
import { checkUpload } from "../uploads";
import type { StaffIdentity } from "./auth";
import { NOT_FOUND, type StaffResult, step, StepRefused } from "./step";

export type RevocationInput = {
  signerKind: "PATIENT" | "REPRESENTATIVE";
  signerName: string;
  statement: string | null;
  signedAt: Date;
  receivedVia: "PORTAL" | "MAIL" | "FAX";
  recordedById: string | null;
  documentId: string | null;
};

/**
 * What a revocation does, however it arrived, inside the caller's transaction: the revocation row
 * (release is blocked from this moment: src/domain/validity.ts), open invoices voided, download
 * links withdrawn. The caller has already moved the status.
 */
export async function applyRevocation(tx: Tx, r: Pick<AuthorizationRequest, "id">, input: RevocationInput, actor: Actor, now: Date) {
  const revocation = await tx.revocation.create({
    data: {
      requestId: r.id,
      signerName: input.signerName.trim(),
      signerKind: input.signerKind,
      statement: input.statement?.trim() || null,
      signedAt: input.signedAt,
      receivedAt: now,
      receivedVia: input.receivedVia,
      recordedById: input.recordedById,
      documentId: input.documentId,
    },
  });
  const open = await tx.invoice.findMany({ where: { requestId: r.id, status: "ISSUED" }, select: { id: true, number: true } });
  for (const invoice of open) {
    await tx.invoice.update({ where: { id: invoice.id }, data: { status: "VOID", voidedAt: now, voidReason: "The authorization was revoked", version: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "invoice.voided", objectType: "Invoice", objectId: invoice.id, requestId: r.id, details: { number: invoice.number, reason: "revoked" } });
  }
  await tx.downloadGrant.updateMany({ where: { requestId: r.id, revokedAt: null }, data: { revokedAt: now } });
  return { revocation, voided: open.map((i) => i.number) };
}

export type PaperRevocationEntry = {
  signerKind: string;
  signerName: string;
  signedOn: string;
  receivedVia: string;
  identityChecked: boolean;
  scan: File | null;
};

/**
 * Staff record a revocation that came as a signed letter by mail or fax: the signer must be the
 * patient or the personal representative on file, staff confirm they checked the signature against
 * the authorization's, and the scan is kept with it.
 */
export async function recordPaperRevocation(staff: StaffIdentity, requestId: string, expectedVersion: number, entry: PaperRevocationEntry, now = new Date()): Promise<StaffResult & { fieldErrors?: Record<string, string[]> }> {
  if (!can(staff.role, "request.process")) return { ok: false, message: NOT_FOUND };
  const fieldErrors: Record<string, string[]> = {};
  const signerKind = entry.signerKind === "PATIENT" || entry.signerKind === "REPRESENTATIVE" ? entry.signerKind : null;
  const receivedVia = entry.receivedVia === "MAIL" || entry.receivedVia === "FAX" ? entry.receivedVia : null;
  if (!signerKind) fieldErrors.signerKind = ["Choose who signed the letter"];
  if (!entry.signerName.trim() || entry.signerName.length > 120) fieldErrors.signerName = ["Enter the name as signed on the letter"];
  if (!isCalendarDay(entry.signedOn) || entry.signedOn > todayInChicago(now)) fieldErrors.signedOn = ["Enter the date written on the letter (not in the future)"];
  if (!receivedVia) fieldErrors.receivedVia = ["Choose how the letter came"];
  if (!entry.identityChecked) fieldErrors.identityChecked = ["Compare the signature with the authorization's, then confirm"];
  if (!entry.scan) fieldErrors.scan = ["Attach the scan of the signed letter"];
  const checked = entry.scan ? await checkUpload(entry.scan) : null;
  if (checked && !checked.ok) fieldErrors.scan = [checked.message];
  if (Object.keys(fieldErrors).length || !checked?.ok || !signerKind || !receivedVia) return { ok: false, message: "Check the highlighted fields.", fieldErrors };

  const stored = await fileStore().put(checked.bytes);
  const result = await step(staff, requestId, expectedVersion, {
    action: "request.revoked",
    event: "REVOKE_RECORDED",
    note: "Authorization revoked in writing",
    data: (_r, at) => ({ closedAt: at, closeReason: "Revoked in writing (letter)" }),
    write: async (tx, r, at) => {
      const problem = revocationSignerProblem(r, signerKind, entry.signerName);
      if (problem) throw new StepRefused(problem);
      const document = await tx.document.create({
        data: { requestId, kind: "REVOCATION", storageKey: stored.storageKey, contentType: checked.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, originalName: checked.originalName, uploadedById: staff.id },
      });
      const applied = await applyRevocation(
        tx,
        r,
        { signerKind, signerName: entry.signerName, statement: null, signedAt: startOfDayInChicago(entry.signedOn), receivedVia, recordedById: staff.id, documentId: document.id },
        { type: "STAFF", id: staff.id, role: staff.role },
        at,
      );
      return { via: receivedVia, signerKind, voided: applied.voided };
    },
  });
  if (!result.ok) await fileStore().remove(stored.storageKey).catch(() => undefined);
  return result;
}
