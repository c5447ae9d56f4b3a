import "server-only";
import { problem } from "@/domain/problems";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { type AnySubmittedForm, formSchemaFor, isAccessDoor, isAccessForm, isPaperForm, SPECIAL_CATEGORIES, uploadRules } from "@/domain/authorization-form";
import { todayInChicago } from "@/domain/chicago";
import { dueDateFor, paperReceivedAt, startOfDayInChicago } from "@/domain/deadlines";
import { newConfirmationNumber } from "@/domain/ids";
import { commitmentDueDate } from "@/domain/response-commitment";
import { requestedByLine } from "@/domain/third-party";
import { MAX_PROOF_FILES, type SubmitResult } from "@/domain/submission";
import { type Actor, recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { enqueueNotification } from "../notifications/outbox";
import { sendSignedPdfJob, transactionExecutor } from "../notifications/queue";
import { responseCommitmentDays } from "../settings";
import { consumeRateLimit } from "../rate-limit";
import type { Locale } from "@/i18n/locales";
import type { StaffIdentity } from "../staff/auth";
import { fileStore } from "../storage";
import type { StoredFile } from "../storage/file-store";
import { checkUpload, type CheckedUpload } from "../uploads";
import type { ThirdPartyLink } from "../third-party/invitations";
import { notificationAddress, requestColumns } from "./request-columns";
import { encodeSignedPdfSource, signatureImages } from "./signed-pdf";

/** The uploads and values of one submission, as posted (nothing trusted yet). */
export type IntakeInput = {
  /** The form values as posted (JSON-parsed, not yet trusted). */
  payload: unknown;
  idempotencyKey: unknown;
  photoId: File | null;
  authorityProof: File[];
  /** The scan of a signed paper form (paper forms only). */
  paperFormScan?: File | null;
  /** Signed through a third party's invitation (src/server/third-party): its reserved number, and the link to the organisation. */
  thirdParty?: ThirdPartyLink;
  /** The language the requester read and answered the form in (issue 15); English when not given (paper). */
  locale?: Locale;
  now?: Date;
};

export type SubmissionInput = IntakeInput & {
  /** Identifies the client for rate limiting (e.g. its IP address); stored only hashed. */
  clientKey: string;
  /**
   * The browser's own random token (the HttpOnly rc-client cookie, src/server/client-token.ts):
   * a replay of an idempotency key answers only the browser that first sent it.
   */
  clientToken: string;
};

/**
 * How an authorization comes in: submitted online by anyone (limited per client), or a signed
 * paper form keyed in by a staff member (who is the actor of record). Everything else — checks,
 * files, the transaction — is the same code for both.
 */
export type Channel = { source: "ONLINE"; clientKey: string; clientToken: string } | { source: "PAPER"; staff: StaffIdentity };

export type Submitted = Extract<SubmitResult, { ok: true }> & { requestId: string };
export type IntakeResult = Submitted | Exclude<SubmitResult, { ok: true }>;

/**
 * Generous, and per staff member: keying in is staff work, not the public form's traffic (whose
 * per-client limit does not apply), but a hijacked session should not be able to flood the queue.
 */
export const PAPER_FORMS_PER_STAFF_PER_HOUR = 120;

/** Only a random (version 4) UUID: not the nil UUID, not a time-based or hand-made one. */
const idempotencyKeySchema = z.uuidv4({ error: "Reload the page and try again" });

/** A replay of a stored submission from another client, or with other answers: no result, and why. */
export const REPLAY_REFUSED = problem("errors.replayRefused");

const SUBMIT_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

type FileToStore = {
  kind: "PHOTO_ID" | "AUTHORITY_PROOF" | "SIGNATURE_IMAGE" | "MINOR_SIGNATURE_IMAGE" | "SIGNED_AUTHORIZATION" | "PAPER_FORM_SCAN";
  bytes: Buffer;
  contentType: string;
  originalName?: string;
};

/**
 * Submits an online authorization. Bad input changes nothing and comes back with field-level
 * messages. A valid one is stored in one transaction — the request, its consents, its
 * documents (encrypted, written to the file store just before), a status change, the job that
 * draws the signed PDF after commit (./signed-pdf.ts), the "request received" notification and
 * the audit event — and gets a random confirmation number and the
 * 30-day due date. The same idempotency key always yields the same single request.
 */
export async function submitAuthorization({ clientKey, clientToken, ...input }: SubmissionInput): Promise<IntakeResult> {
  return intakeAuthorization({ source: "ONLINE", clientKey, clientToken }, { ...input, paperFormScan: null });
}

/**
 * JSON with object keys sorted at every level: the same answers always give the same text. Past
 * a depth no form has, the rest is cut to a marker (a hostile, deeply nested payload cannot
 * exhaust the stack; the form's schema refuses it anyway).
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > 32) return '"<deep>"';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v, depth + 1)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What an idempotency key is bound to when its request is stored: who sent it (the browser's own
 * token online, the staff member on paper) and exactly what was sent (the canonical answers and
 * every uploaded file's SHA-256). Only a replay with the same binding gets the stored result.
 */
async function idempotencyBinding(channel: Channel, input: IntakeInput): Promise<string> {
  const sha = (data: string | Buffer | Uint8Array) => createHash("sha256").update(data).digest("hex");
  const fileHash = async (file: File | null | undefined) => (file ? sha(new Uint8Array(await file.arrayBuffer())) : "-");
  const files = [await fileHash(input.paperFormScan), await fileHash(input.photoId), ...(await Promise.all(input.authorityProof.map(fileHash)))];
  const who = channel.source === "ONLINE" ? `online:${sha(channel.clientToken)}` : `paper:${channel.staff.id}`;
  return sha(`${who}\n${sha(canonicalJson(input.payload ?? null))}\n${files.join(",")}`);
}

/**
 * One authorization in, from either channel (see submitAuthorization). Callers authorize first:
 * a paper channel's staff member has already been checked (src/server/requests/key-paper-authorization.ts).
 */
export async function intakeAuthorization(channel: Channel, input: IntakeInput): Promise<IntakeResult> {
  const now = input.now ?? new Date();
  // The door (issue 17): an online access request says so (and its schema holds it to the access
  // rules); a third party's invitation or upload is always an authorization.
  // Staff keying in the printed own-records request say so too (decision 0018); a third party's upload stays an authorization.
  const access = !input.thirdParty && isAccessDoor(input.payload);
  const mode = channel.source === "PAPER" ? (access ? "paper-access" : "paper") : access ? "access" : "online";
  const key = idempotencyKeySchema.safeParse(input.idempotencyKey);
  if (!key.success) return { ok: false, kind: "refused", message: problem("errors.notSent") };

  // A retry of a submission that already went through: the same answer, nothing new — but only to
  // the same client sending the same thing (the key alone is not a credential).
  const binding = await idempotencyBinding(channel, input);
  const earlier = await findByIdempotencyKey(key.data, binding);
  if (earlier) return earlier;

  const parsed = formSchemaFor(mode, todayInChicago(now)).safeParse(input.payload);
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  }
  // "Uploaded by the organisation" is the upload's own key-in (src/server/third-party/paper-uploads.ts), never a choice.
  if (parsed.success && isPaperForm(parsed.data) && parsed.data.paper.receivedVia === "UPLOAD" && !input.thirdParty?.paperUploadId)
    (fieldErrors["paper.receivedVia"] ??= []).push("Choose whether the form came by mail or by fax");
  // PostgreSQL cannot store a NUL character in text: refuse the answer that has one, by name.
  for (const path of nulPaths(input.payload)) (fieldErrors[path || "form"] ??= []).push("Remove the invisible control character from this answer");

  // Uploads are checked by content, whatever the form's state, so every problem shows at once.
  const rules = uploadRules(
    parsed.success ? parsed.data : { requester: { kind: isRepresentative(input.payload) ? "REPRESENTATIVE" : "PATIENT" }, patient: { emancipated: isEmancipated(input.payload) } },
    mode,
  );
  const uploads: FileToStore[] = [];
  const checkOne = async (file: File | null | undefined, field: string, kind: FileToStore["kind"], required: boolean, missing: string) => {
    if (!file) {
      if (required) fieldErrors[field] = [missing];
      return;
    }
    const checked = await checkUpload(file);
    if (checked.ok) uploads.push({ kind, bytes: checked.bytes, contentType: checked.contentType, originalName: checked.originalName });
    else fieldErrors[field] = [checked.message];
  };
  await checkOne(input.paperFormScan, "uploads.paperFormScan", "PAPER_FORM_SCAN", rules.paperFormScanRequired, "Attach the scan of the signed paper form");
  await checkOne(input.photoId, "uploads.photoId", "PHOTO_ID", rules.photoIdRequired, "Upload a photo or scan of a government-issued photo ID");
  // A representative's proof of authority: required online; on paper, the sheets that came separately.
  const proofs: CheckedUpload[] = [];
  if (isRepresentative(input.payload) || isEmancipated(input.payload)) {
    if (input.authorityProof.length === 0) {
      if (rules.authorityProofRequired) fieldErrors["uploads.authorityProof"] = ["Upload proof of your authority to act for the patient"];
    } else if (input.authorityProof.length > MAX_PROOF_FILES) fieldErrors["uploads.authorityProof"] = [`Upload at most ${MAX_PROOF_FILES} files`];
    else {
      for (const file of input.authorityProof) {
        const checked = await checkUpload(file);
        if (checked.ok) proofs.push(checked);
        else (fieldErrors["uploads.authorityProof"] ??= []).push(`${file.name.slice(0, 80)}: ${checked.message}`);
      }
    }
  }

  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, kind: "invalid", message: problem("errors.correctHighlighted"), fieldErrors };
  }
  const form = parsed.data;

  const allowed =
    channel.source === "ONLINE"
      ? await consumeRateLimit(db(), "submit", channel.clientKey, env().RATE_LIMIT_SUBMISSIONS_PER_HOUR, 3600)
      : await consumeRateLimit(db(), "key-paper", channel.staff.id, PAPER_FORMS_PER_STAFF_PER_HOUR, 3600);
  if (!allowed) {
    return {
      ok: false,
      kind: "refused",
      message:
        channel.source === "ONLINE"
          ? "We have received several requests from this device in the last hour. Please wait an hour and try again, or call Record Connect."
          : `You have keyed in ${PAPER_FORMS_PER_STAFF_PER_HOUR} paper forms in the last hour, the most one account may. Wait a little, or ask a supervisor.`,
    };
  }

  const { signaturePng, minorSignaturePng } = signatureImages(form);
  const files: FileToStore[] = [
    ...uploads,
    ...proofs.map((p) => ({ kind: "AUTHORITY_PROOF" as const, bytes: p.bytes, contentType: p.contentType, originalName: p.originalName })),
    ...(signaturePng ? [{ kind: "SIGNATURE_IMAGE" as const, bytes: signaturePng, contentType: "image/png" }] : []),
    ...(minorSignaturePng ? [{ kind: "MINOR_SIGNATURE_IMAGE" as const, bytes: minorSignaturePng, contentType: "image/png" }] : []),
  ];
  const dates = isPaperForm(form)
    ? { receivedAt: paperReceivedAt(form.paper.receivedOn), signedAt: startOfDayInChicago(form.signature.signedOn) }
    : { receivedAt: now, signedAt: now };

  // Confirmation numbers are random; a collision (about one in a trillion per pair) just draws again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const confirmationNumber = input.thirdParty?.confirmationNumber ?? newConfirmationNumber();
    const requestedBy = input.thirdParty ? requestedByLine(input.thirdParty.kind, input.thirdParty.organization) : undefined;
    // The signed PDF is drawn after commit by the worker (decision 0021): what it is drawn from is
    // stored, encrypted, beside the uploads, and its job is queued in the transaction.
    const source = encodeSignedPdfSource({ form, confirmationNumber, submittedAt: now.toISOString(), today: todayInChicago(now), ...(requestedBy ? { requestedBy } : {}) });
    const stored = await storeAll(files);
    let pdfSource: StoredFile;
    try {
      pdfSource = await fileStore().put(source);
    } catch (error) {
      await Promise.all(stored.map((s) => fileStore().remove(s.file.storageKey).catch(() => undefined)));
      throw error;
    }
    try {
      // Under a burst, wait for a pooled connection rather than failing the person's submission
      // after Prisma's default 2 s (docs/performance.md).
      const requestId = await db().$transaction(
        (tx) => insertRequest(tx, { channel, form, confirmationNumber, idempotencyKey: key.data, idempotencyBinding: binding, now, ...dates, stored, pdfSource, thirdParty: input.thirdParty, locale: input.locale ?? "en" }),
        SUBMIT_TRANSACTION,
      );
      logger.info({ requestId, source: channel.source, event: "request.submitted" }, "authorization submitted");
      return { ok: true, requestId, confirmationNumber, dueDate: dueDateFor(dates.receivedAt).toISOString() };
    } catch (error) {
      await Promise.all([...stored.map((s) => s.file.storageKey), pdfSource.storageKey].map((key) => fileStore().remove(key).catch(() => undefined)));
      const target = uniqueViolationTarget(error);
      if (target?.includes("idempotencyKey")) {
        const winner = await findByIdempotencyKey(key.data, binding);
        if (winner) return winner;
      }
      if (target?.includes("confirmationNumber")) continue;
      throw error;
    }
  }
  throw new Error("Could not draw a free confirmation number");
}

/** The uploaded paper authorization was keyed in or sent back meanwhile: nothing was stored. */
export class PaperUploadAlreadyHandled extends Error {
  constructor() {
    super("The uploaded paper authorization is no longer pending");
  }
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
  args: {
    channel: Channel;
    form: AnySubmittedForm;
    confirmationNumber: string;
    idempotencyKey: string;
    idempotencyBinding: string;
    now: Date;
    receivedAt: Date;
    signedAt: Date;
    stored: Array<{ spec: FileToStore; file: StoredFile }>;
    pdfSource: StoredFile;
    thirdParty?: ThirdPartyLink;
    locale: Locale;
  },
): Promise<string> {
  const { channel, form, now } = args;
  const staffId = channel.source === "PAPER" ? channel.staff.id : null;
  const receivedVia = isPaperForm(form) ? form.paper.receivedVia : null;
  const request = await tx.authorizationRequest.create({
    data: {
      ...requestColumns(form, todayInChicago(now)),
      confirmationNumber: args.confirmationNumber,
      locale: args.locale,
      idempotencyKey: args.idempotencyKey,
      idempotencyBinding: args.idempotencyBinding,
      source: channel.source,
      receivedVia,
      status: "SUBMITTED",
      receivedAt: args.receivedAt,
      dueAt: dueDateFor(args.receivedAt),
      commitmentDueAt: commitmentDueDate(args.receivedAt, await responseCommitmentDays(tx)),
      signedAt: args.signedAt,
      pdfSourceKey: args.pdfSource.storageKey,
      pdfSourceSha256: args.pdfSource.sha256,
      ...(args.thirdParty ? { thirdPartyRequester: { connect: { id: args.thirdParty.requesterId } } } : {}),
      // An authorization's initialed consents; an access request has none (its categories are columns).
      specialConsents: {
        create: isAccessForm(form) ? [] : [
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
          uploadedById: staffId,
        })),
      },
      statusChanges: {
        create: {
          fromStatus: null,
          toStatus: "SUBMITTED",
          note: receivedVia ? `Paper form received by ${receivedVia === "FAX" ? "fax" : "mail"}` : "Request received online",
          actorId: staffId,
          at: now,
        },
      },
    },
    select: { id: true },
  });

  if (args.thirdParty?.invitationId) {
    // Single use: a second signing through the same invitation rolls back.
    const claimed = await tx.signingInvitation.updateMany({ where: { id: args.thirdParty.invitationId, usedAt: null }, data: { usedAt: now, requestId: request.id } });
    if (claimed.count !== 1) throw new Error("The signing invitation was already used");
  }
  if (args.thirdParty?.paperUploadId) {
    // An uploaded paper authorization becomes one request, only while it waits for verification.
    const claimed = await tx.paperAuthorizationUpload.updateMany({
      where: { id: args.thirdParty.paperUploadId, status: "PENDING" },
      data: { status: "KEYED", requestId: request.id, reviewedById: staffId, reviewedAt: now, correctionTokenHash: null },
    });
    if (claimed.count !== 1) throw new PaperUploadAlreadyHandled();
  }
  await sendSignedPdfJob(transactionExecutor(tx), { requestId: request.id });
  const notifyAddress = notificationAddress(form);
  if (notifyAddress) {
    await enqueueNotification(tx, { requestId: request.id, template: "REQUEST_RECEIVED", idempotencyKey: `request-received:${request.id}`, toAddress: notifyAddress });
  }
  const actor: Actor = channel.source === "PAPER" ? { type: "STAFF", id: channel.staff.id, role: channel.staff.role } : { type: "ANONYMOUS" };
  await recordAudit(tx, {
    actor,
    action: "request.submitted",
    objectType: "AuthorizationRequest",
    objectId: request.id,
    requestId: request.id,
    details: {
      source: channel.source,
      ...(receivedVia ? { receivedVia } : {}),
      requestKind: isAccessForm(form) ? "ACCESS" : "AUTHORIZATION",
      ...(isAccessForm(form) ? { accessFormat: form.format } : {}),
      deliveryMethod: form.delivery.method,
      requesterKind: form.requester.kind,
      documents: args.stored.length,
      ...(args.thirdParty ? { thirdPartyKind: args.thirdParty.kind } : {}),
    },
  });
  return request.id;
}

/** The stored result for this key if the binding matches; a refusal (no result) if it does not; null if none is stored. */
async function findByIdempotencyKey(key: string, binding: string): Promise<IntakeResult | null> {
  const existing = await db().authorizationRequest.findUnique({
    where: { idempotencyKey: key },
    select: { id: true, confirmationNumber: true, dueAt: true, idempotencyBinding: true },
  });
  if (!existing) return null;
  const same = existing.idempotencyBinding !== null && existing.idempotencyBinding.length === binding.length && timingSafeEqual(Buffer.from(existing.idempotencyBinding), Buffer.from(binding));
  if (!same) {
    logger.warn({ event: "request.replay_refused" }, "idempotency key replayed by another client or with another payload");
    return { ok: false, kind: "refused", message: REPLAY_REFUSED };
  }
  return { ok: true, requestId: existing.id, confirmationNumber: existing.confirmationNumber, dueDate: existing.dueAt.toISOString() };
}

function isEmancipated(payload: unknown): boolean {
  return (payload as { patient?: { emancipated?: unknown } } | null)?.patient?.emancipated === true;
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

/** The dotted paths of the strings in a posted form that contain a NUL character (at most 20). */
function nulPaths(value: unknown, path = "", found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 32) return found;
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) nulPaths(child, path ? `${path}.${key}` : key, found, depth + 1);
  }
  return found;
}
