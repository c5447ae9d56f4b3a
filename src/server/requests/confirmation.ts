import "server-only";
import { cookies } from "next/headers";
import { recordAudit } from "../audit";
import { db } from "../db";
import { fileStore } from "../storage";
import { readReceipt, receiptCookieName } from "../receipt";
import { makeSignedAuthorizationPdf } from "./signed-pdf";

/** The request the browser's receipt cookie names, or null: the only way to reach the confirmation. */
export async function requestFromReceipt(): Promise<string | null> {
  return readReceipt((await cookies()).get(receiptCookieName())?.value);
}

export type ConfirmationView = {
  confirmationNumber: string;
  receivedAt: Date;
  dueAt: Date;
  deliveryMethod: "SECURE_EMAIL" | "MAIL" | "PICKUP";
  recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY";
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  /** The door (issue 17): the patient's own access request, or an authorization. */
  requestKind: "ACCESS" | "AUTHORIZATION";
  accessFormat: "PDF_DOWNLOAD" | "EHI_EXPORT" | "PAPER_MAIL" | "PAPER_PICKUP" | null;
  notifiedByEmail: boolean;
  /** The signed authorization PDF exists (it is drawn just after submission: decision 0021). */
  signedPdfReady: boolean;
};

/** What the confirmation page shows — no PHI beyond what the submitter just typed, and the view is audited. */
export async function confirmationView(requestId: string): Promise<ConfirmationView | null> {
  const request = await db().authorizationRequest.findUnique({
    where: { id: requestId },
    select: {
      confirmationNumber: true,
      receivedAt: true,
      dueAt: true,
      deliveryMethod: true,
      recipientKind: true,
      requesterKind: true,
      requestKind: true,
      accessFormat: true,
      _count: { select: { notifications: true, documents: { where: { kind: "SIGNED_AUTHORIZATION" } } } },
    },
  });
  if (!request) return null;
  await recordAudit(db(), {
    actor: { type: "REQUESTER", requestId },
    action: "request.confirmation_viewed",
    objectType: "AuthorizationRequest",
    objectId: requestId,
    requestId,
  });
  const { _count, ...rest } = request;
  return { ...rest, notifiedByEmail: _count.notifications > 0, signedPdfReady: _count.documents > 0 };
}

/** The signed authorization PDF, read and integrity-checked, with the download audited. */
export async function signedAuthorizationPdf(requestId: string): Promise<{ bytes: Buffer; confirmationNumber: string } | null> {
  // Asked for before the worker drew it (decision 0021): drawn now, once (the job then finds it).
  await makeSignedAuthorizationPdf(requestId);
  const document = await db().document.findFirst({
    where: { requestId, kind: "SIGNED_AUTHORIZATION" },
    orderBy: { createdAt: "desc" },
    select: { id: true, storageKey: true, sha256: true, request: { select: { confirmationNumber: true } } },
  });
  if (!document) return null;
  const bytes = await fileStore().get(document.storageKey, document.sha256);
  await recordAudit(db(), {
    actor: { type: "REQUESTER", requestId },
    action: "document.downloaded",
    objectType: "Document",
    objectId: document.id,
    requestId,
    details: { kind: "SIGNED_AUTHORIZATION" },
  });
  return { bytes, confirmationNumber: document.request.confirmationNumber };
}
