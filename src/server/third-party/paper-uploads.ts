import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { addDaysInChicago, chicagoDay, dateOnlyToDay, dayToDateOnly } from "@/domain/chicago";
import { newConfirmationNumber } from "@/domain/ids";
import { can } from "@/domain/staff-access";
import { CORRECTION_DAYS, deficiencyText, paperDeficiencySchema, thirdPartyPaperSchema, thirdPartyRequesterColumns } from "@/domain/third-party";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { enqueueNotification } from "../notifications/outbox";
import { jarOf, type CookieJar } from "../portal/access";
import { consumeRateLimit } from "../rate-limit";
import { keyPaperAuthorization, NOT_ALLOWED_TO_KEY } from "../requests/key-paper-authorization";
import { type IntakeInput, type IntakeResult, PaperUploadAlreadyHandled } from "../requests/submit-authorization";
import { cookieBasics, readSignedValue, signValue } from "../signed-value";
import type { StaffIdentity } from "../staff/auth";
import { fileStore } from "../storage";
import { checkUpload } from "../uploads";
import { FORM_NOT_SENT, issuesByField, sameBinding, THIRD_PARTY_REPLAY_REFUSED, thirdPartyBinding, thirdPartyIdempotencyKey } from "./idempotency";

/**
 * The third party's paper path (docs/decisions/0017): an attorney, insurer or other organisation
 * uploads an authorization the patient (or their personal representative) signed on paper. The
 * scan is checked by content (checkUpload) and stored encrypted, the organisation gets the
 * reserved confirmation number at once, and the upload waits in the staff inbox. An associate
 * keys it in through the paper wizard (the same rules, decideSigning included), which makes it a
 * request linked to the organisation; or sends it back with a reason: the organisation is
 * e-mailed a link (no PHI) to a page that shows the reason and takes a corrected scan.
 */

const sha = (value: string) => createHash("sha256").update(value).digest("hex");
const hashClient = (clientKey: string) => sha(clientKey).slice(0, 16);

const CORRECTION_COOKIE = "rc-tp-correct";
const CORRECTION_SESSION_MS = 45 * 60 * 1000;

export const CORRECTION_CLOSED = "This link has expired or was already used. If you still need to send a corrected authorization, call Record Connect.";

export type PaperUploadResult = { ok: true; confirmationNumber: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type PaperUploadInput = {
  payload: unknown;
  scan: File | null;
  idempotencyKey: unknown;
  clientKey: string;
  clientToken: string;
  now?: Date;
};

/** A number free in every place a confirmation number is reserved or used. */
async function freeConfirmationNumber(): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const n = newConfirmationNumber();
    const [request, invitation, upload] = await Promise.all([
      db().authorizationRequest.findUnique({ where: { confirmationNumber: n }, select: { id: true } }),
      db().signingInvitation.findUnique({ where: { confirmationNumber: n }, select: { id: true } }),
      db().paperAuthorizationUpload.findUnique({ where: { confirmationNumber: n }, select: { id: true } }),
    ]);
    if (!request && !invitation && !upload) return n;
  }
  throw new Error("Could not draw a free confirmation number");
}

/**
 * The organisation uploads the patient's paper-signed authorization. Bad answers or a bad file
 * change nothing and come back by field; a valid one is stored (the organisation, the upload, the
 * encrypted scan, the audit event) in one transaction. The same key from the same browser with
 * the same answers and file answers with the same number.
 */
export async function uploadPaperAuthorization(input: PaperUploadInput): Promise<PaperUploadResult> {
  const now = input.now ?? new Date();
  const key = thirdPartyIdempotencyKey.safeParse(input.idempotencyKey);
  if (!key.success) return { ok: false, message: FORM_NOT_SENT };
  const scanBytes = input.scan instanceof Blob ? new Uint8Array(await input.scan.arrayBuffer()) : null;
  const binding = thirdPartyBinding(input.clientToken, input.payload, scanBytes ? [scanBytes] : []);
  const replay = await replayOf(key.data, binding);
  if (replay) return replay;

  const parsed = thirdPartyPaperSchema.safeParse(input.payload);
  const fieldErrors = parsed.success ? {} : issuesByField(parsed.error.issues);
  const checked = input.scan ? await checkUpload(input.scan) : null;
  if (!input.scan) fieldErrors.scan = ["Choose the scan of the signed authorization"];
  else if (checked && !checked.ok) fieldErrors.scan = [checked.message];
  if (!parsed.success || !checked?.ok || Object.keys(fieldErrors).length) return { ok: false, message: "Please correct the highlighted answers.", fieldErrors };
  const v = parsed.data;

  if (!(await consumeRateLimit(db(), "third-party-start", input.clientKey, env().RATE_LIMIT_SUBMISSIONS_PER_HOUR, 3600)))
    return { ok: false, message: "We have received several requests from this device in the last hour. Please wait an hour and try again, or call Record Connect." };

  const confirmationNumber = await freeConfirmationNumber();
  const stored = await fileStore().put(checked.bytes);
  try {
    await db().$transaction(async (tx) => {
      const requester = await tx.thirdPartyRequester.create({
        data: thirdPartyRequesterColumns(v, now),
      });
      const upload = await tx.paperAuthorizationUpload.create({
        data: {
          thirdPartyRequesterId: requester.id,
          confirmationNumber,
          patientFirstName: v.patientFirstName,
          patientLastName: v.patientLastName,
          patientDateOfBirth: dayToDateOnly(v.patientDateOfBirth),
          recordsRequested: v.recordsRequested,
          purpose: v.purpose,
          receivedAt: now,
          idempotencyKey: key.data,
          idempotencyBinding: binding,
          createdAt: now,
          scans: {
            create: { storageKey: stored.storageKey, contentType: checked.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, originalName: checked.originalName, createdAt: now },
          },
        },
      });
      await recordAudit(tx, {
        actor: { type: "ANONYMOUS", clientKey: hashClient(input.clientKey) },
        action: "third_party.paper_uploaded",
        objectType: "PaperAuthorizationUpload",
        objectId: upload.id,
        details: { kind: v.kind, contentType: checked.contentType },
      });
    });
  } catch (error) {
    await fileStore().remove(stored.storageKey).catch(() => undefined);
    if (error instanceof Error && /idempotencyKey/.test(error.message)) {
      const winner = await replayOf(key.data, binding);
      if (winner) return winner;
    }
    throw error;
  }
  logger.info({ event: "third_party.paper_uploaded" }, "third party uploaded a paper authorization");
  return { ok: true, confirmationNumber };
}

async function replayOf(key: string, binding: string): Promise<PaperUploadResult | null> {
  const earlier = await db().paperAuthorizationUpload.findUnique({ where: { idempotencyKey: key }, select: { confirmationNumber: true, idempotencyBinding: true } });
  if (!earlier) return null;
  return sameBinding(earlier.idempotencyBinding, binding) ? { ok: true, confirmationNumber: earlier.confirmationNumber } : { ok: false, message: THIRD_PARTY_REPLAY_REFUSED };
}

// ---------------------------------------------------------------------------------------------
// Staff: the inbox of uploaded paper authorizations pending verification.

const mayReview = (staff: StaffIdentity | null): staff is StaffIdentity => !!staff && can(staff.role, "request.key_paper");
const staffActor = (staff: StaffIdentity) => ({ type: "STAFF" as const, id: staff.id, role: staff.role });

/** How many uploads wait for staff (the staff bar's count); null for a role that does not review them. */
export async function pendingPaperUploadCount(staff: StaffIdentity | null): Promise<number | null> {
  if (!mayReview(staff)) return null;
  return db().paperAuthorizationUpload.count({ where: { status: "PENDING" } });
}

/** The inbox: pending uploads, oldest first, and those sent back (awaiting a corrected scan). */
export async function listPaperUploads(staff: StaffIdentity | null) {
  if (!mayReview(staff)) return null;
  const select = {
    id: true,
    confirmationNumber: true,
    patientFirstName: true,
    patientLastName: true,
    status: true,
    receivedAt: true,
    reviewedAt: true,
    thirdPartyRequester: { select: { kind: true, organization: true } },
  } as const;
  const [pending, deficient] = await Promise.all([
    db().paperAuthorizationUpload.findMany({ where: { status: "PENDING" }, orderBy: { receivedAt: "asc" }, take: 200, select }),
    db().paperAuthorizationUpload.findMany({ where: { status: "DEFICIENT" }, orderBy: { reviewedAt: "desc" }, take: 50, select }),
  ]);
  return { pending, deficient };
}

/** One upload with its organisation and scans (newest first), for review. Audited: it shows PHI. */
export async function paperUploadForStaff(staff: StaffIdentity | null, uploadId: string) {
  if (!mayReview(staff)) return null;
  const upload = await db().paperAuthorizationUpload.findUnique({
    where: { id: uploadId },
    include: { thirdPartyRequester: true, scans: { orderBy: { createdAt: "desc" }, select: { id: true, contentType: true, sizeBytes: true, originalName: true, createdAt: true } } },
  });
  if (!upload) return null;
  await recordAudit(db(), { actor: staffActor(staff), action: "third_party.paper_upload_viewed", objectType: "PaperAuthorizationUpload", objectId: upload.id });
  return upload;
}

/** A scan's bytes for staff, each view audited; null for "no such scan" and "not allowed" alike. */
export async function openPaperScan(staff: StaffIdentity | null, uploadId: string, scanId: string) {
  if (!mayReview(staff)) return null;
  const scan = await db().paperAuthorizationScan.findFirst({ where: { id: scanId, uploadId } });
  if (!scan) return null;
  const bytes = await fileStore().get(scan.storageKey, scan.sha256);
  await recordAudit(db(), { actor: staffActor(staff), action: "third_party.paper_scan_viewed", objectType: "PaperAuthorizationScan", objectId: scan.id, details: { contentType: scan.contentType } });
  return { bytes, contentType: scan.contentType };
}

export type DeficiencyResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Staff send a pending upload back with a reason: the organisation is e-mailed a notice with a
 * link (no PHI, no reason: the page the link opens shows it), and may upload a corrected scan.
 */
export async function markPaperUploadDeficient(staff: StaffIdentity | null, uploadId: string, payload: unknown, now = new Date()): Promise<DeficiencyResult> {
  if (!mayReview(staff)) return { ok: false, message: NOT_ALLOWED_TO_KEY };
  const parsed = paperDeficiencySchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: "Please correct the highlighted answers.", fieldErrors: issuesByField(parsed.error.issues) };
  const reason = deficiencyText(parsed.data.reason, parsed.data.note);
  const done = await db().$transaction(async (tx) => {
    const upload = await tx.paperAuthorizationUpload.findUnique({ where: { id: uploadId }, include: { thirdPartyRequester: { select: { email: true } } } });
    if (!upload) return false;
    const changed = await tx.paperAuthorizationUpload.updateMany({
      where: { id: uploadId, status: "PENDING" },
      data: { status: "DEFICIENT", deficiencyReason: reason, reviewedById: staff.id, reviewedAt: now, correctionTokenHash: null, correctionExpiresAt: addDaysInChicago(now, CORRECTION_DAYS) },
    });
    if (changed.count !== 1) return false;
    const sent = await enqueueNotification(tx, {
      requestId: null,
      template: "PAPER_AUTHORIZATION_DEFICIENT",
      idempotencyKey: `paper-deficient:${uploadId}:${now.getTime()}`,
      toAddress: upload.thirdPartyRequester.email,
    });
    if (sent) await tx.paperAuthorizationUpload.update({ where: { id: uploadId }, data: { notificationId: sent.id } });
    await recordAudit(tx, {
      actor: staffActor(staff),
      action: "third_party.paper_upload_deficient",
      objectType: "PaperAuthorizationUpload",
      objectId: uploadId,
      details: { reason: parsed.data.reason },
    });
    return true;
  });
  if (!done) return { ok: false, message: "This upload was already keyed in or sent back by someone else. Go back to the inbox to see where it is." };
  return { ok: true };
}

/**
 * Staff key in an uploaded paper authorization: the paper wizard's answers, with what the upload
 * fixes whatever the browser sends — the recipient is the organisation (the request is its own),
 * the form counts as received on the day the newest scan arrived, through the upload; the scan
 * is read back from the store and checked again as the request's PAPER_FORM_SCAN. The same
 * intake (decideSigning included) decides; the upload is claimed in the request's transaction.
 */
export async function keyUploadedAuthorization(staff: StaffIdentity | null, uploadId: unknown, input: IntakeInput): Promise<IntakeResult> {
  if (!mayReview(staff)) return { ok: false, kind: "refused", message: NOT_ALLOWED_TO_KEY };
  const gone = { ok: false as const, kind: "refused" as const, message: "This uploaded authorization was already keyed in or sent back, so nothing was saved. Go back to the inbox of uploaded authorizations." };
  if (typeof uploadId !== "string" || !/^[0-9a-f-]{36}$/i.test(uploadId)) return gone;
  const upload = await db().paperAuthorizationUpload.findUnique({
    where: { id: uploadId },
    include: { thirdPartyRequester: true, scans: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const scan = upload?.scans[0];
  if (!upload || upload.status !== "PENDING" || !scan) return gone;
  const bytes = await fileStore().get(scan.storageKey, scan.sha256);
  const tp = upload.thirdPartyRequester;
  const payload = (input.payload && typeof input.payload === "object" ? input.payload : {}) as Record<string, unknown>;
  const paper = (payload.paper && typeof payload.paper === "object" ? payload.paper : {}) as Record<string, unknown>;
  const recipient = (payload.recipient && typeof payload.recipient === "object" ? payload.recipient : {}) as Record<string, unknown>;
  const forced = {
    ...payload,
    paper: { ...paper, receivedOn: chicagoDay(upload.receivedAt), receivedVia: "UPLOAD" },
    recipient: {
      ...recipient,
      kind: "THIRD_PARTY",
      name: tp.organization,
      address: { line1: tp.addressLine1, ...(tp.addressLine2 ? { line2: tp.addressLine2 } : {}), city: tp.city, state: tp.state, postalCode: tp.postalCode },
      email: tp.email,
    },
    // As on the online path (decision 0013): the records, the invoice and the portal's sign-in code go to the organisation's address.
    delivery: { method: "SECURE_EMAIL", email: tp.email, emailConfirm: tp.email },
  };
  try {
    return await keyPaperAuthorization(staff, {
      ...input,
      payload: forced,
      paperFormScan: new File([new Uint8Array(bytes)], scan.originalName ?? "scan", { type: scan.contentType }),
      thirdParty: { requesterId: tp.id, paperUploadId: upload.id, confirmationNumber: upload.confirmationNumber, kind: tp.kind, organization: tp.organization },
    });
  } catch (error) {
    if (error instanceof PaperUploadAlreadyHandled) return gone;
    throw error;
  }
}

/** What the key-in wizard starts from: the patient and the organisation as the third party gave them. */
export function keyInPrefill(upload: NonNullable<Awaited<ReturnType<typeof paperUploadForStaff>>>) {
  const tp = upload.thirdPartyRequester;
  return {
    paper: { receivedOn: chicagoDay(upload.receivedAt), receivedVia: "UPLOAD" },
    patient: { firstName: upload.patientFirstName, lastName: upload.patientLastName, dateOfBirth: dateOnlyToDay(upload.patientDateOfBirth) },
    recipient: {
      kind: "THIRD_PARTY",
      name: tp.organization,
      address: { line1: tp.addressLine1, line2: tp.addressLine2 ?? "", city: tp.city, state: tp.state, postalCode: tp.postalCode },
      email: tp.email,
    },
    delivery: { method: "SECURE_EMAIL", email: tp.email, emailConfirm: tp.email },
  };
}

// ---------------------------------------------------------------------------------------------
// The organisation's corrected scan, through the link in the deficiency notice.

/**
 * Called while composing the deficiency notice (in the delivery's transaction): a fresh token,
 * its hash replacing any earlier one, and the link. Null when the upload is no longer deficient.
 */
export async function issueCorrectionLink(tx: Tx, notificationId: string, now = new Date()): Promise<{ url: string; confirmationNumber: string; withdraw: () => Promise<unknown> } | null> {
  const upload = await tx.paperAuthorizationUpload.findUnique({ where: { notificationId } });
  if (!upload || upload.status !== "DEFICIENT" || !upload.correctionExpiresAt || upload.correctionExpiresAt <= now) return null;
  const token = randomBytes(32).toString("base64url");
  await tx.paperAuthorizationUpload.update({ where: { id: upload.id }, data: { correctionTokenHash: sha(token) } });
  return {
    url: new URL(`/request/third-party/correct/open?t=${token}`, env().APP_URL).toString(),
    confirmationNumber: upload.confirmationNumber,
    withdraw: () => tx.paperAuthorizationUpload.update({ where: { id: upload.id }, data: { correctionTokenHash: upload.correctionTokenHash } }),
  };
}

const correctable = (u: { status: string; correctionExpiresAt: Date | null }, now: Date) => u.status === "DEFICIENT" && !!u.correctionExpiresAt && u.correctionExpiresAt > now;

/** The e-mailed link, opened: a valid token becomes a short signed cookie naming the upload; the caller redirects to a clean URL. */
export async function openCorrectionLink(token: string, now = new Date(), cookieJar?: CookieJar): Promise<boolean> {
  const upload = /^[A-Za-z0-9_-]{43}$/.test(token) ? await db().paperAuthorizationUpload.findUnique({ where: { correctionTokenHash: sha(token) } }) : null;
  if (!upload || !correctable(upload, now)) return false;
  const jar = await jarOf(cookieJar);
  const c = cookieBasics(CORRECTION_COOKIE);
  jar.set(c.name, signValue(CORRECTION_COOKIE, upload.id, CORRECTION_SESSION_MS, now.getTime()), { ...c.options, maxAge: CORRECTION_SESSION_MS / 1000 });
  await recordAudit(db(), { actor: { type: "ANONYMOUS" }, action: "third_party.correction_link_opened", objectType: "PaperAuthorizationUpload", objectId: upload.id });
  return true;
}

/** What the correction page may show: the upload the opened link names, while it can be corrected. */
export async function currentCorrection(now = new Date(), cookieJar?: CookieJar) {
  const jar = await jarOf(cookieJar);
  const id = readSignedValue(CORRECTION_COOKIE, jar.get(cookieBasics(CORRECTION_COOKIE).name)?.value, now.getTime());
  if (!id) return null;
  const upload = await db().paperAuthorizationUpload.findUnique({ where: { id }, include: { thirdPartyRequester: { select: { organization: true } } } });
  return upload && correctable(upload, now) ? upload : null;
}

/** The organisation's corrected scan: checked by content, stored encrypted, and the upload goes back to the inbox. The link is then used up. */
export async function uploadCorrectedScan(scan: File | null, now = new Date(), cookieJar?: CookieJar): Promise<PaperUploadResult> {
  const upload = await currentCorrection(now, cookieJar);
  if (!upload) return { ok: false, message: CORRECTION_CLOSED };
  if (!scan) return { ok: false, message: "Please correct the highlighted answers.", fieldErrors: { scan: ["Choose the scan of the corrected, signed authorization"] } };
  const checked = await checkUpload(scan);
  if (!checked.ok) return { ok: false, message: "Please correct the highlighted answers.", fieldErrors: { scan: [checked.message] } };
  const stored = await fileStore().put(checked.bytes);
  try {
    const done = await db().$transaction(async (tx) => {
      const changed = await tx.paperAuthorizationUpload.updateMany({
        where: { id: upload.id, status: "DEFICIENT" },
        data: { status: "PENDING", receivedAt: now, correctionTokenHash: null, correctionExpiresAt: null },
      });
      if (changed.count !== 1) return false;
      await tx.paperAuthorizationScan.create({
        data: { uploadId: upload.id, storageKey: stored.storageKey, contentType: checked.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, originalName: checked.originalName, createdAt: now },
      });
      await recordAudit(tx, { actor: { type: "ANONYMOUS" }, action: "third_party.paper_corrected", objectType: "PaperAuthorizationUpload", objectId: upload.id, details: { contentType: checked.contentType } });
      return true;
    });
    if (!done) {
      await fileStore().remove(stored.storageKey).catch(() => undefined);
      return { ok: false, message: CORRECTION_CLOSED };
    }
  } catch (error) {
    await fileStore().remove(stored.storageKey).catch(() => undefined);
    throw error;
  }
  const jar = await jarOf(cookieJar);
  jar.set(cookieBasics(CORRECTION_COOKIE).name, "", { ...cookieBasics(CORRECTION_COOKIE).options, maxAge: 0 });
  return { ok: true, confirmationNumber: upload.confirmationNumber };
}
