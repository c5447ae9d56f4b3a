import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { addDaysInChicago, dateOnlyToDay, dayToDateOnly } from "@/domain/chicago";
import { newConfirmationNumber } from "@/domain/ids";
import { INVITATION_DAYS, MAX_IDENTITY_ATTEMPTS, type ThirdPartyKind, thirdPartyRequesterColumns, thirdPartyStartSchema } from "@/domain/third-party";
import { FORM_NOT_SENT, issuesByField, sameBinding, THIRD_PARTY_REPLAY_REFUSED, thirdPartyBinding, thirdPartyIdempotencyKey } from "./idempotency";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { enqueueNotification } from "../notifications/outbox";
import { jarOf, type CookieJar } from "../portal/access";
import { consumeRateLimit } from "../rate-limit";
import { cookieBasics, readSignedValue, signValue } from "../signed-value";

/**
 * Third-party requests (docs/decisions/0013): the organisation names the patient; the patient gets
 * an e-mail with a single-use, expiring link (256-bit token; only its SHA-256 is stored, and the
 * token is made when the e-mail is composed, like the download links); opening it and answering
 * the patient's date of birth lets the patient sign the authorization naming the organisation.
 */

const OPENED = "sign-opened";
const VERIFIED = "sign-verified";
const SIGN_SESSION_MS = 45 * 60 * 1000;

export const IDENTITY_REFUSED =
  "That date of birth does not match what we were given, or this link no longer works. Check the date and try again. If it still does not work, call Record Connect.";
export const LINK_CLOSED = "This link has expired, was already used, or was tried too many times.";

const sha = (value: string) => createHash("sha256").update(value).digest("hex");
const hashClient = (clientKey: string) => sha(clientKey).slice(0, 16);

export type StartThirdPartyResult = { ok: true; confirmationNumber: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** Who sends a third party's form, and the form's own random key (decision 0009). */
export type ThirdPartyClient = {
  /** The client's address, for the rate limit; stored only hashed. */
  clientKey: string;
  /** The browser's own rc-client token: a replay of the key answers only this browser. */
  clientToken: string;
  /** Made once per form in the browser: a double submit or a retry stores one invitation. */
  idempotencyKey: unknown;
};

/** The organisation asks: its details and the patient's are stored, and the patient is e-mailed a link to sign. */
export async function startThirdPartyRequest(payload: unknown, client: ThirdPartyClient, now = new Date()): Promise<StartThirdPartyResult> {
  const key = thirdPartyIdempotencyKey.safeParse(client.idempotencyKey);
  if (!key.success) return { ok: false, message: FORM_NOT_SENT };
  const binding = thirdPartyBinding(client.clientToken, payload);
  const earlier = await db().signingInvitation.findUnique({ where: { idempotencyKey: key.data }, select: { confirmationNumber: true, idempotencyBinding: true } });
  if (earlier) return sameBinding(earlier.idempotencyBinding, binding) ? { ok: true, confirmationNumber: earlier.confirmationNumber } : { ok: false, message: THIRD_PARTY_REPLAY_REFUSED };
  const parsed = thirdPartyStartSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: "Please correct the highlighted answers.", fieldErrors: issuesByField(parsed.error.issues) };
  const v = parsed.data;
  if (!(await consumeRateLimit(db(), "third-party-start", client.clientKey, env().RATE_LIMIT_SUBMISSIONS_PER_HOUR, 3600)))
    return { ok: false, message: "We have received several requests from this device in the last hour. Please wait an hour and try again, or call Record Connect." };

  for (let attempt = 0; attempt < 3; attempt++) {
    const confirmationNumber = newConfirmationNumber();
    if (await db().authorizationRequest.findUnique({ where: { confirmationNumber }, select: { id: true } })) continue;
    try {
      await db().$transaction(async (tx) => {
        const requester = await tx.thirdPartyRequester.create({
          data: thirdPartyRequesterColumns(v, now),
        });
        const invitation = await tx.signingInvitation.create({
          data: {
            thirdPartyRequesterId: requester.id,
            confirmationNumber,
            idempotencyKey: key.data,
            idempotencyBinding: binding,
            patientFirstName: v.patientFirstName,
            patientLastName: v.patientLastName,
            patientDateOfBirth: dayToDateOnly(v.patientDateOfBirth),
            patientEmail: v.patientEmail,
            recordsRequested: v.recordsRequested,
            purpose: v.purpose,
            expiresAt: addDaysInChicago(now, INVITATION_DAYS),
            createdAt: now,
          },
        });
        const sent = await enqueueNotification(tx, {
          requestId: null,
          template: "SIGNING_INVITATION",
          idempotencyKey: `signing-invitation:${invitation.id}`,
          toAddress: v.patientEmail,
        });
        if (sent) await tx.signingInvitation.update({ where: { id: invitation.id }, data: { notificationId: sent.id } });
        await recordAudit(tx, {
          actor: { type: "ANONYMOUS", clientKey: hashClient(client.clientKey) },
          action: "third_party.request_started",
          objectType: "SigningInvitation",
          objectId: invitation.id,
          details: { kind: v.kind },
        });
      });
      logger.info({ event: "third_party.request_started" }, "third-party request started");
      return { ok: true, confirmationNumber };
    } catch (error) {
      if (error instanceof Error && /idempotencyKey/.test(error.message)) {
        // A concurrent double submit won the race: answer as the winner did.
        const winner = await db().signingInvitation.findUnique({ where: { idempotencyKey: key.data }, select: { confirmationNumber: true, idempotencyBinding: true } });
        if (winner) return sameBinding(winner.idempotencyBinding, binding) ? { ok: true, confirmationNumber: winner.confirmationNumber } : { ok: false, message: THIRD_PARTY_REPLAY_REFUSED };
      }
      if (error instanceof Error && /confirmationNumber/.test(error.message)) continue;
      throw error;
    }
  }
  throw new Error("Could not draw a free confirmation number");
}

/**
 * Called while composing the invitation e-mail (in the delivery's transaction): a fresh token, its
 * hash replacing any earlier one, and the link. Null when the invitation is closed.
 */
export async function issueSigningLink(tx: Tx, notificationId: string, now = new Date()): Promise<{ url: string; confirmationNumber: string; withdraw: () => Promise<unknown> } | null> {
  const invitation = await tx.signingInvitation.findUnique({ where: { notificationId } });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now || invitation.failedAttempts >= MAX_IDENTITY_ATTEMPTS) return null;
  const token = randomBytes(32).toString("base64url");
  await tx.signingInvitation.update({ where: { id: invitation.id }, data: { tokenHash: sha(token) } });
  return {
    url: new URL(`/sign/open?t=${token}`, env().APP_URL).toString(),
    confirmationNumber: invitation.confirmationNumber,
    withdraw: () => tx.signingInvitation.update({ where: { id: invitation.id }, data: { tokenHash: invitation.tokenHash } }),
  };
}

function signCookie(purpose: string) {
  return cookieBasics(purpose === OPENED ? "rc-sign-opened" : "rc-sign");
}

/** The e-mailed link, opened: a valid token becomes a short signed cookie naming the invitation; the caller redirects to a clean URL. */
export async function openSigningLink(token: string, now = new Date(), cookieJar?: CookieJar): Promise<boolean> {
  const invitation = /^[A-Za-z0-9_-]{43}$/.test(token) ? await db().signingInvitation.findUnique({ where: { tokenHash: sha(token) } }) : null;
  if (!invitation || !isOpen(invitation, now)) {
    if (invitation)
      await recordAudit(db(), { actor: { type: "ANONYMOUS" }, action: "third_party.link_refused", objectType: "SigningInvitation", objectId: invitation.id, outcome: "DENIED" });
    return false;
  }
  const jar = await jarOf(cookieJar);
  const c = signCookie(OPENED);
  jar.set(c.name, signValue(OPENED, invitation.id, SIGN_SESSION_MS, now.getTime()), { ...c.options, maxAge: SIGN_SESSION_MS / 1000 });
  await recordAudit(db(), { actor: { type: "ANONYMOUS" }, action: "third_party.link_opened", objectType: "SigningInvitation", objectId: invitation.id });
  return true;
}

type InvitationRow = { usedAt: Date | null; expiresAt: Date; failedAttempts: number };
const isOpen = (i: InvitationRow, now: Date) => !i.usedAt && i.expiresAt > now && i.failedAttempts < MAX_IDENTITY_ATTEMPTS;

/** What the signing page may show: the opened invitation (and whether the patient answered the identity question). */
export async function currentInvitation(now = new Date(), cookieJar?: CookieJar) {
  const jar = await jarOf(cookieJar);
  const verifiedId = readSignedValue(VERIFIED, jar.get(signCookie(VERIFIED).name)?.value, now.getTime());
  const openedId = readSignedValue(OPENED, jar.get(signCookie(OPENED).name)?.value, now.getTime());
  const id = verifiedId ?? openedId;
  if (!id) return null;
  const invitation = await db().signingInvitation.findUnique({ where: { id }, include: { thirdPartyRequester: true } });
  if (!invitation || !isOpen(invitation, now)) return null;
  return { invitation, verified: verifiedId === id };
}

/**
 * The patient's identity: the link came to their e-mail, and they type the date of birth the
 * third party gave. Every wrong answer says the same; after MAX_IDENTITY_ATTEMPTS the link closes.
 */
export async function verifySigningIdentity(dateOfBirth: string, now = new Date(), cookieJar?: CookieJar): Promise<{ ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return { ok: false, message: "Check the highlighted field.", fieldErrors: { dateOfBirth: ["Enter your date of birth"] } };
  const current = await currentInvitation(now, cookieJar);
  if (!current) return { ok: false, message: LINK_CLOSED };
  const { invitation } = current;
  const matches = dateOnlyToDay(invitation.patientDateOfBirth) === dateOfBirth;
  if (!matches) {
    await db().$transaction(async (tx) => {
      await tx.signingInvitation.update({ where: { id: invitation.id }, data: { failedAttempts: { increment: 1 } } });
      await recordAudit(tx, { actor: { type: "ANONYMOUS" }, action: "third_party.identity_refused", objectType: "SigningInvitation", objectId: invitation.id, outcome: "DENIED" });
    });
    return { ok: false, message: IDENTITY_REFUSED };
  }
  const jar = await jarOf(cookieJar);
  const c = signCookie(VERIFIED);
  jar.set(c.name, signValue(VERIFIED, invitation.id, SIGN_SESSION_MS, now.getTime()), { ...c.options, maxAge: SIGN_SESSION_MS / 1000 });
  await recordAudit(db(), { actor: { type: "ANONYMOUS" }, action: "third_party.identity_confirmed", objectType: "SigningInvitation", objectId: invitation.id });
  return { ok: true };
}

/** The verified invitation's id, for the signing action; null if the patient has not answered or the link is closed. */
export async function verifiedInvitation(now = new Date(), cookieJar?: CookieJar) {
  const current = await currentInvitation(now, cookieJar);
  return current?.verified ? current.invitation : null;
}

/**
 * A request that comes from a third party: its reserved number, the organisation, and what it
 * came through — the patient's online signature (an invitation) or a paper authorization the
 * organisation uploaded (docs/decisions/0017). Intake claims that one in the request's own
 * transaction.
 */
export type ThirdPartyLink = { requesterId: string; confirmationNumber: string; kind: ThirdPartyKind; organization: string } & (
  | { invitationId: string; paperUploadId?: undefined }
  | { paperUploadId: string; invitationId?: undefined }
);
