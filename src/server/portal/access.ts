import "server-only";
import { randomInt, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { normalizeConfirmationNumber } from "@/domain/ids";
import { recordAudit } from "../audit";
import { db } from "../db";
import { mailTransport } from "../mail/transport";
import { renderNotification } from "../notifications/templates";
import { logger } from "../logger";
import { consumeRateLimit } from "../rate-limit";
import { sealSecret, tokenHash, unsealSecret } from "../secrets";
import { cookieBasics, readSignedValue, signValue } from "../signed-value";
import { notifyAddress } from "../staff/step";
import { env } from "../env";

/**
 * The requester's way in (RULES.md §7): the confirmation number, the patient's date of birth, and
 * a one-time code sent to the e-mail on file. A wrong number or date of birth gets exactly the
 * same answer as a right one (no code is sent, and the code step then fails like a wrong code),
 * so the form never tells anyone whether a request exists.
 */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
export const PORTAL_SESSION_MS = 30 * 60 * 1000;
const PENDING_MS = CODE_TTL_MS;
const PENDING = "portal-pending";
const SESSION = "portal-session";

export const SENT_MESSAGE = "If the details match a request, we sent a 6-digit code to the e-mail address on file for it. It expires in 10 minutes.";
export const WRONG_CODE = "That code is not right, or it has expired. Check the e-mail we sent, or ask for a new code.";
export const TOO_MANY = "Too many attempts. Wait a few minutes, then ask for a new code.";

/** Portal cookies are SameSite=Lax: the download link in an e-mail is a cross-site navigation. */
function portalCookie(name: string) {
  const basics = cookieBasics(name);
  return { name: basics.name, options: { ...basics.options, sameSite: "lax" as const } };
}

/** The cookies of the current request (next/headers), or a jar a caller supplies (integration tests). */
export type CookieJar = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: Record<string, unknown>): void;
  delete(name: string): void;
};
export const jarOf = async (jar?: CookieJar): Promise<CookieJar> => jar ?? ((await cookies()) as unknown as CookieJar);

export type StartResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Step 1. Always answers the same when the input is well-formed; sends a code only when the
 * confirmation number and date of birth match a request with an e-mail on file.
 */
export async function startPortalSignIn(input: { confirmationNumber: string; dateOfBirth: string }, clientKey: string, now = new Date(), cookieJar?: CookieJar): Promise<StartResult> {
  const fieldErrors: Record<string, string[]> = {};
  const confirmationNumber = normalizeConfirmationNumber(input.confirmationNumber ?? "");
  if (!confirmationNumber) fieldErrors.confirmationNumber = ["Enter the confirmation number, like RC-7K3M-Q9PX"];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth ?? "")) fieldErrors.dateOfBirth = ["Enter the patient's date of birth"];
  if (Object.keys(fieldErrors).length || !confirmationNumber) return { ok: false, message: "Check the highlighted fields.", fieldErrors };

  if (!(await consumeRateLimit(db(), "portal-start", clientKey, 10, 15 * 60)) || !(await consumeRateLimit(db(), "portal-start-number", confirmationNumber, 5, 15 * 60)))
    return { ok: false, message: TOO_MANY };

  const pending = `${confirmationNumber}|${input.dateOfBirth}`;
  const jar = await jarOf(cookieJar);
  const cookie = portalCookie(PENDING);
  jar.set(cookie.name, signValue(PENDING, sealSecret(PENDING, pending), PENDING_MS, now.getTime()), { ...cookie.options, maxAge: PENDING_MS / 1000 });

  const request = await matchingRequest(confirmationNumber, input.dateOfBirth);
  const to = request ? notifyAddress(request) : null;
  if (!request || !to) {
    await recordAudit(db(), { actor: { type: "ANONYMOUS", clientKey: tokenHash(clientKey).slice(0, 16) }, action: "portal.code_requested", objectType: "AuthorizationRequest", outcome: "DENIED" });
    return { ok: true };
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db().$transaction(async (tx) => {
    // A new code replaces any earlier one.
    await tx.requesterAccessCode.updateMany({ where: { requestId: request.id, consumedAt: null }, data: { consumedAt: now } });
    await tx.requesterAccessCode.create({ data: { requestId: request.id, codeHash: tokenHash(`${request.id}:${code}`), expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now } });
    await recordAudit(tx, { actor: { type: "REQUESTER", requestId: request.id }, action: "portal.code_requested", objectType: "AuthorizationRequest", objectId: request.id, requestId: request.id });
  });
  // Not awaited, so a match does not answer measurably later than a miss. Said the same to the
  // person either way; they can ask again. Never log the address or the code.
  void sendCode(to, request.confirmationNumber, code).catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : "unknown" }, "portal sign-in code not sent");
  });
  return { ok: true };
}

/** Step 2: the code. Right → a portal session for that one request. */
export async function finishPortalSignIn(code: string, now = new Date(), cookieJar?: CookieJar): Promise<{ ok: true } | { ok: false; message: string }> {
  const jar = await jarOf(cookieJar);
  const pendingCookie = portalCookie(PENDING);
  const pending = readSignedValue(PENDING, jar.get(pendingCookie.name)?.value, now.getTime());
  if (!pending) return { ok: false, message: "Your sign-in took too long. Start again with the confirmation number and date of birth." };
  let opened: string;
  try {
    opened = unsealSecret(PENDING, pending);
  } catch {
    return { ok: false, message: WRONG_CODE };
  }
  const [confirmationNumber, dateOfBirth] = opened.split("|") as [string, string];
  const request = await matchingRequest(confirmationNumber, dateOfBirth);
  if (!/^\d{6}$/.test(code.trim()) || !request) return { ok: false, message: WRONG_CODE };

  const result = await db().$transaction(async (tx) => {
    const current = await tx.requesterAccessCode.findFirst({ where: { requestId: request.id, consumedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } });
    if (!current) return "wrong" as const;
    if (current.attempts >= MAX_CODE_ATTEMPTS) return "locked" as const;
    const expected = Buffer.from(current.codeHash);
    const given = Buffer.from(tokenHash(`${request.id}:${code.trim()}`));
    if (!timingSafeEqual(expected, given)) {
      // Counted atomically: parallel guesses cannot exceed the limit.
      await tx.requesterAccessCode.updateMany({ where: { id: current.id, attempts: { lt: MAX_CODE_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
      return "wrong" as const;
    }
    const consumed = await tx.requesterAccessCode.updateMany({ where: { id: current.id, consumedAt: null }, data: { consumedAt: now } });
    return consumed.count === 1 ? ("ok" as const) : ("wrong" as const);
  });
  await recordAudit(db(), { actor: { type: "REQUESTER", requestId: request.id }, action: "portal.signed_in", objectType: "AuthorizationRequest", objectId: request.id, requestId: request.id, outcome: result === "ok" ? "SUCCESS" : "DENIED" });
  if (result === "locked") return { ok: false, message: TOO_MANY };
  if (result !== "ok") return { ok: false, message: WRONG_CODE };
  jar.delete(pendingCookie.name);
  await startPortalSession(request.id, now, jar);
  return { ok: true };
}

/** Opens a portal session for one request (after the code, or a valid download link). */
export async function startPortalSession(requestId: string, now = new Date(), cookieJar?: CookieJar): Promise<void> {
  const jar = await jarOf(cookieJar);
  const cookie = portalCookie(SESSION);
  jar.set(cookie.name, signValue(SESSION, requestId, PORTAL_SESSION_MS, now.getTime()), { ...cookie.options, maxAge: PORTAL_SESSION_MS / 1000 });
}

/** The request this browser's portal session is for, or null. Every portal read starts here. */
export async function portalRequestId(cookieJar?: CookieJar): Promise<string | null> {
  const value = readSignedValue(SESSION, (await jarOf(cookieJar)).get(portalCookie(SESSION).name)?.value);
  return value && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

export async function endPortalSession(cookieJar?: CookieJar): Promise<void> {
  (await jarOf(cookieJar)).delete(portalCookie(SESSION).name);
}

async function matchingRequest(confirmationNumber: string, dateOfBirth: string) {
  const request = await db().authorizationRequest.findUnique({
    where: { confirmationNumber },
    select: { id: true, confirmationNumber: true, patientDateOfBirth: true, deliveryEmail: true, requesterKind: true, representativeEmail: true, patientEmail: true },
  });
  if (!request || request.patientDateOfBirth.toISOString().slice(0, 10) !== dateOfBirth) return null;
  return request;
}

/**
 * The code goes straight out (not through the outbox): it is useful for ten minutes only, and is
 * never stored in clear — not even in a queued job.
 */
async function sendCode(to: string, confirmationNumber: string, code: string): Promise<void> {
  const message = renderNotification("ACCESS_CODE", { confirmationNumber, portalUrl: new URL("/portal", env().APP_URL).toString(), code });
  await mailTransport().sendMail({ to, subject: message.subject, text: message.text, html: message.html });
}
