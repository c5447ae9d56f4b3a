import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import {
  type AuthorizationForm,
  authorizationFormSchema,
  SPECIAL_CATEGORIES,
  todayInChicago,
  uploadRules,
} from "@/domain/authorization-form";
import { dueDateFor } from "@/domain/deadlines";
import { newConfirmationNumber } from "@/domain/ids";
import { purposeLabels, representativeAuthorityLabels } from "@/domain/labels";
import { MAX_PROOF_FILES, type SubmitResult } from "@/domain/submission";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { renderAuthorizationPdf } from "../pdf/authorization-pdf";
import { consumeRateLimit } from "../rate-limit";
import { fileStore } from "../storage";
import type { StoredFile } from "../storage/file-store";
import { checkUpload, type CheckedUpload } from "../uploads";

export type SubmissionInput = {
  /** The form values as posted (JSON-parsed, not yet trusted). */
  payload: unknown;
  idempotencyKey: unknown;
  photoId: File | null;
  authorityProof: File[];
  /** Identifies the client for rate limiting (e.g. its IP address); stored only hashed. */
  clientKey: string;
  now?: Date;
};

export type Submitted = Extract<SubmitResult, { ok: true }> & { requestId: string };

const idempotencyKeySchema = z.uuid({ error: "Reload the page and try again" });

const SUBMIT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

type FileToStore = { kind: "PHOTO_ID" | "AUTHORITY_PROOF" | "SIGNATURE_IMAGE" | "SIGNED_AUTHORIZATION"; bytes: Buffer; contentType: string; originalName?: string };

/**
 * Submits an online authorization. Bad input changes nothing and comes back with field-level
 * messages. A valid one is stored in one transaction — the request, its consents, its
 * documents (encrypted, written to the file store just before), a status change, the "request
 * received" notification and the audit event — and gets a random confirmation number and the
 * 30-day due date. The same idempotency key always yields the same single request.
 */
export async function submitAuthorization(input: SubmissionInput): Promise<Submitted | Exclude<SubmitResult, { ok: true }>> {
  const now = input.now ?? new Date();
  const key = idempotencyKeySchema.safeParse(input.idempotencyKey);
  if (!key.success) return { ok: false, kind: "refused", message: "This form could not be sent. Reload the page and try again." };

  // A retry of a submission that already went through: the same answer, nothing new.
  const earlier = await findByIdempotencyKey(key.data);
  if (earlier) return earlier;

  const parsed = authorizationFormSchema(todayInChicago(now)).safeParse(input.payload);
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  }

  // Uploads are checked by content, whatever the form's state, so every problem shows at once.
  const rules = parsed.success ? uploadRules(parsed.data) : { photoIdRequired: true, authorityProofRequired: isRepresentative(input.payload) };
  const photo = input.photoId ? await checkUpload(input.photoId) : null;
  if (!photo) fieldErrors["uploads.photoId"] = ["Upload a photo or scan of a government-issued photo ID"];
  else if (!photo.ok) fieldErrors["uploads.photoId"] = [photo.message];
  const proofs: CheckedUpload[] = [];
  if (rules.authorityProofRequired) {
    if (input.authorityProof.length === 0) fieldErrors["uploads.authorityProof"] = ["Upload proof of your authority to act for the patient"];
    else if (input.authorityProof.length > MAX_PROOF_FILES) fieldErrors["uploads.authorityProof"] = [`Upload at most ${MAX_PROOF_FILES} files`];
    else {
      for (const file of input.authorityProof) {
        const checked = await checkUpload(file);
        if (checked.ok) proofs.push(checked);
        else (fieldErrors["uploads.authorityProof"] ??= []).push(`${file.name.slice(0, 80)}: ${checked.message}`);
      }
    }
  }

  if (!parsed.success || Object.keys(fieldErrors).length > 0 || !photo?.ok) {
    return { ok: false, kind: "invalid", message: "Please correct the highlighted answers.", fieldErrors };
  }
  const form = parsed.data;

  if (!(await consumeRateLimit(db(), "submit", input.clientKey, env().RATE_LIMIT_SUBMISSIONS_PER_HOUR, 3600))) {
    return {
      ok: false,
      kind: "refused",
      message: "We have received several requests from this device in the last hour. Please wait an hour and try again, or call Record Connect.",
    };
  }

  const signaturePng = form.signature.method === "DRAWN" && form.signature.drawn ? Buffer.from(form.signature.drawn.split(",")[1] ?? "", "base64") : undefined;
  const files: FileToStore[] = [
    { kind: "PHOTO_ID", bytes: photo.bytes, contentType: photo.contentType, originalName: photo.originalName },
    ...proofs.map((p) => ({ kind: "AUTHORITY_PROOF" as const, bytes: p.bytes, contentType: p.contentType, originalName: p.originalName })),
    ...(signaturePng ? [{ kind: "SIGNATURE_IMAGE" as const, bytes: signaturePng, contentType: "image/png" }] : []),
  ];

  // Confirmation numbers are random; a collision (about one in a trillion per pair) just draws again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const confirmationNumber = newConfirmationNumber();
    const pdf = Buffer.from(await renderAuthorizationPdf({ form, confirmationNumber, signedAt: now, signaturePng }));
    const stored = await storeAll([...files, { kind: "SIGNED_AUTHORIZATION", bytes: pdf, contentType: "application/pdf" }]);
    try {
      // Under a burst, wait for a pooled connection rather than failing the person's submission
      // after Prisma's default 2 s (docs/performance.md).
      const requestId = await db().$transaction((tx) => insertRequest(tx, { form, confirmationNumber, idempotencyKey: key.data, now, stored }), SUBMIT_TRANSACTION);
      logger.info({ requestId, event: "request.submitted" }, "authorization submitted");
      return { ok: true, requestId, confirmationNumber, dueDate: dueDateFor(now).toISOString() };
    } catch (error) {
      await Promise.all(stored.map((s) => fileStore().remove(s.file.storageKey).catch(() => undefined)));
      const target = uniqueViolationTarget(error);
      if (target?.includes("idempotencyKey")) {
        const winner = await findByIdempotencyKey(key.data);
        if (winner) return winner;
      }
      if (target?.includes("confirmationNumber")) continue;
      throw error;
    }
  }
  throw new Error("Could not draw a free confirmation number");
}

async function storeAll(files: FileToStore[]): Promise<Array<{ spec: FileToStore; file: StoredFile }>> {
  const stored: Array<{ spec: FileToStore; file: StoredFile }> = [];
  try {
    for (const spec of files) stored.push({ spec, file: await fileStore().put(spec.bytes) });
    return stored;
  } catch (error) {
    await Promise.all(stored.map((s) => fileStore().remove(s.file.storageKey).catch(() => undefined)));
    throw error;
  }
}

async function insertRequest(
  tx: Tx,
  args: { form: AuthorizationForm; confirmationNumber: string; idempotencyKey: string; now: Date; stored: Array<{ spec: FileToStore; file: StoredFile }> },
): Promise<string> {
  const { form, now } = args;
  const request = await tx.authorizationRequest.create({
    data: {
      ...requestColumns(form),
      confirmationNumber: args.confirmationNumber,
      idempotencyKey: args.idempotencyKey,
      source: "ONLINE",
      status: "SUBMITTED",
      receivedAt: now,
      dueAt: dueDateFor(now),
      signedAt: now,
      specialConsents: {
        create: [
          ...SPECIAL_CATEGORIES.flatMap((category) => {
            const initials = form.information.specialCategories[category];
            return initials ? [{ category, initials }] : [];
          }),
          ...(form.information.psychotherapyNotes ? [{ category: "PSYCHOTHERAPY_NOTES" as const, initials: form.information.psychotherapyNotes }] : []),
        ],
      },
      documents: {
        create: args.stored.map(({ spec, file }) => ({
          kind: spec.kind,
          storageKey: file.storageKey,
          contentType: spec.contentType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          originalName: spec.originalName ?? null,
        })),
      },
      statusChanges: { create: { fromStatus: null, toStatus: "SUBMITTED", note: "Request received online", at: now } },
    },
    select: { id: true },
  });

  const notifyAddress = notificationAddress(form);
  if (notifyAddress) {
    await tx.notification.create({
      data: { requestId: request.id, template: "REQUEST_RECEIVED", idempotencyKey: `request-received:${request.id}`, toAddress: notifyAddress },
    });
  }
  await recordAudit(tx, {
    actor: { type: "ANONYMOUS" },
    action: "request.submitted",
    objectType: "AuthorizationRequest",
    objectId: request.id,
    requestId: request.id,
    details: { source: "ONLINE", deliveryMethod: form.delivery.method, requesterKind: form.requester.kind, documents: args.stored.length },
  });
  return request.id;
}

/** The form, in the request table's columns. */
function requestColumns(form: AuthorizationForm): Omit<
  Prisma.AuthorizationRequestCreateInput,
  "confirmationNumber" | "dueAt" | "signedAt"
> {
  const { patient, requester, recipient, information, purpose, expiration, delivery, signature } = form;
  const rep = requester.kind === "REPRESENTATIVE" ? requester.representative : null;
  const recipientAddress = recipient.kind === "SELF" ? null : recipient.address;
  return {
    patientFirstName: patient.firstName,
    patientMiddleName: patient.middleName ?? null,
    patientLastName: patient.lastName,
    patientOtherNames: patient.otherNames ?? null,
    patientDateOfBirth: new Date(`${patient.dateOfBirth}T00:00:00Z`),
    patientPhone: patient.phone,
    patientEmail: patient.email ?? null,
    patientAddressLine1: patient.address.line1,
    patientAddressLine2: patient.address.line2 ?? null,
    patientCity: patient.address.city,
    patientState: patient.address.state,
    patientPostalCode: patient.address.postalCode,
    patientMrn: patient.mrn ?? null,
    patientDeceased: patient.deceased,

    requesterKind: requester.kind,
    representativeName: rep?.name ?? null,
    representativePhone: rep?.phone ?? null,
    representativeEmail: rep?.email ?? null,
    representativeAuthority: rep?.authority ?? null,
    representativeAuthorityDetail: rep?.authorityDetail ?? null,
    representativeRelationship: rep?.relationship ?? null,

    recipientKind: recipient.kind,
    recipientName: recipient.kind === "SELF" ? null : recipient.name,
    recipientAddressLine1: recipientAddress?.line1 ?? null,
    recipientAddressLine2: recipientAddress?.line2 ?? null,
    recipientCity: recipientAddress?.city ?? null,
    recipientState: recipientAddress?.state ?? null,
    recipientPostalCode: recipientAddress?.postalCode ?? null,
    recipientPhone: recipient.kind === "MEDICAL_PROVIDER" ? recipient.phone : null,
    recipientFax: recipient.kind === "MEDICAL_PROVIDER" ? (recipient.fax ?? null) : null,
    recipientEmail: recipient.kind === "THIRD_PARTY" ? (recipient.email ?? null) : null,

    completeRecord: information.completeRecord,
    recordTypes: information.recordTypes,
    recordTypesOther: information.recordTypesOther ?? null,
    recordsFrom: information.dateFrom ? new Date(`${information.dateFrom}T00:00:00Z`) : null,
    recordsTo: information.dateTo ? new Date(`${information.dateTo}T00:00:00Z`) : null,

    purpose: purpose.purpose === "OTHER" ? (purpose.purposeOther ?? "Other") : purposeLabels[purpose.purpose],
    purposeCode: purpose.purpose,
    expirationKind: expiration.kind,
    expirationDate: expiration.kind === "DATE" ? new Date(`${expiration.date}T00:00:00Z`) : null,
    expirationEvent: expiration.kind === "EVENT" ? expiration.event : null,

    deliveryMethod: delivery.method,
    deliveryEmail: delivery.method === "SECURE_EMAIL" ? delivery.email : null,
    mailAddressLine1: delivery.method === "MAIL" ? delivery.address.line1 : null,
    mailAddressLine2: delivery.method === "MAIL" ? (delivery.address.line2 ?? null) : null,
    mailCity: delivery.method === "MAIL" ? delivery.address.city : null,
    mailState: delivery.method === "MAIL" ? delivery.address.state : null,
    mailPostalCode: delivery.method === "MAIL" ? delivery.address.postalCode : null,
    pickupPhone: delivery.method === "PICKUP" ? delivery.phone : null,
    pickupBestTimes: delivery.method === "PICKUP" ? (delivery.bestTimes ?? null) : null,

    signerName: signature.typedName,
    signatureMethod: signature.method,
    signerAuthorityStatement: rep ? representativeAuthorityLabels[rep.authority].label : null,
    minorConsentName: signature.minorName ?? null,
  };
}

/** Where "request received" goes: the secure-link address, else the requester's own e-mail. */
function notificationAddress(form: AuthorizationForm): string | null {
  if (form.delivery.method === "SECURE_EMAIL") return form.delivery.email;
  if (form.requester.kind === "REPRESENTATIVE") return form.requester.representative.email ?? null;
  return form.patient.email ?? null;
}

async function findByIdempotencyKey(key: string): Promise<Submitted | null> {
  const existing = await db().authorizationRequest.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, confirmationNumber: true, dueAt: true },
  });
  return existing ? { ok: true, requestId: existing.id, confirmationNumber: existing.confirmationNumber, dueDate: existing.dueAt.toISOString() } : null;
}

function isRepresentative(payload: unknown): boolean {
  return (payload as { requester?: { kind?: unknown } } | null)?.requester?.kind === "REPRESENTATIVE";
}

function uniqueViolationTarget(error: unknown): string | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
    const fields = meta?.driverAdapterError?.cause?.constraint?.fields;
    return JSON.stringify(meta?.target ?? fields ?? error.message);
  }
  return null;
}
