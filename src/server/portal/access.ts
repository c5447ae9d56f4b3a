import "server-only";
import { randomInt, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { cookies } from "next/headers";
import { normalizeConfirmationNumber } from "@/domain/ids";
import { isAccessCodeShape, normalizeAccessCode } from "@/domain/access-code";
import { recordAudit } from "../audit";
import { db, type Db, type Tx } from "../db";
import { mailTransport } from "../mail/transport";
import type { Locale } from "@/i18n/locales";
import { portalUrlFor, renderNotification } from "../notifications/templates";
import { logger } from "../logger";
import { consumeRateLimit, resetRateLimit } from "../rate-limit";
import { newToken, sealSecret, tokenHash, unsealSecret } from "../secrets";
import { cookieBasics, readSignedValue, signValue } from "../signed-value";
import { notifyAddress } from "../staff/step";
import { env } from "../env";

/**
 * The requester's way in (RULES.md §7): the confirmation number, the patient's date of birth, and
 * a one-time code sent to the e-mail on file. A wrong number or date of birth gets exactly the
 * same answer as a right one (no code is sent, and the code step then fails like a wrong code),
 * so the form never tells anyone whether a request exists. Guesses are counted per (number, date
 * of birth) pair tried, whether or not it matches, and every refusal — lockout included — comes no
 * sooner than MIN_ANSWER_MS after the question, so neither the words nor the timing of an answer
 * tell a right pair from a wrong one.
 *
 * Sessions live in the database (PortalSession): the cookie holds a random token whose SHA-256 is
 * stored, so signing out, or staff withdrawing the download links, ends them at once. A session
 * from the e-mailed download link (DOWNLOAD) opens only that link's download, never the portal.
 */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
export const PORTAL_SESSION_MS = 30 * 60 * 1000;
/** Window in which MAX_CODE_ATTEMPTS wrong codes per (number, date of birth) pair lock that pair. */
export const LOCK_WINDOW_SECONDS = 15 * 60;
/** No sign-in answer comes sooner than this after the question (hides which path was taken). */
export const MIN_ANSWER_MS = 300;
const PENDING_MS = CODE_TTL_MS;
const PENDING = "portal-pending";
const SESSION = "portal-session";
const DOWNLOAD = "portal-download";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Waits until `deadline` (a performance.now() instant), so fast and slow paths answer alike. */
async function answerNoSoonerThan(deadline: number): Promise<void> {
  // Timers may fire a fraction of a millisecond early: wait again until the deadline has passed.
  for (let wait = deadline - performance.now(); wait > 0; wait = deadline - performance.now()) await sleep(Math.ceil(wait));
}

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
  const deadline = performance.now() + MIN_ANSWER_MS;
  const result = await startSignInNow(input, clientKey, now, cookieJar);
  await answerNoSoonerThan(deadline);
  return result;
}

async function startSignInNow(input: { confirmationNumber: string; dateOfBirth: string }, clientKey: string, now: Date, cookieJar?: CookieJar): Promise<StartResult> {
  const fieldErrors: Record<string, string[]> = {};
  const confirmationNumber = normalizeConfirmationNumber(input.confirmationNumber ?? "");
  if (!confirmationNumber) fieldErrors.confirmationNumber = ["Enter the confirmation number, like RC-7K3M-Q9PX"];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth ?? "")) fieldErrors.dateOfBirth = ["Enter the patient's date of birth"];
  if (Object.keys(fieldErrors).length || !confirmationNumber) return { ok: false, message: "Check the highlighted fields.", fieldErrors };

  if (!(await consumeRateLimit(db(), "portal-start", clientKey, env().RATE_LIMIT_PORTAL_CODES_PER_CLIENT, 15 * 60)) || !(await consumeRateLimit(db(), "portal-start-number", confirmationNumber, 5, 15 * 60)))
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
  void sendCode(to, request.confirmationNumber, code, request.locale).catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : "unknown" }, "portal sign-in code not sent");
  });
  return { ok: true };
}

/**
 * Step 2: the code. Right → a portal session for that one request. Every wrong combination — no
 * such request, a wrong date of birth, a wrong or used code, a code past its own guess limit —
 * answers WRONG_CODE; after MAX_CODE_ATTEMPTS refusals for the same (number, date of birth) pair
 * in LOCK_WINDOW_SECONDS, that pair answers TOO_MANY, matching or not.
 */
export async function finishPortalSignIn(code: string, now = new Date(), cookieJar?: CookieJar): Promise<{ ok: true } | { ok: false; message: string }> {
  const deadline = performance.now() + MIN_ANSWER_MS;
  const result = await finishSignInNow(code, now, cookieJar);
  if (!result.ok) await answerNoSoonerThan(deadline);
  return result;
}

async function finishSignInNow(typed: string, now: Date, cookieJar?: CookieJar): Promise<{ ok: true } | { ok: false; message: string }> {
  const code = normalizeAccessCode(typed);
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
  // Counted before anything is looked up, for the pair as typed: a pair that matches no request
  // locks exactly like one that does.
  const pair = `${confirmationNumber}|${dateOfBirth}`;
  if (!(await consumeRateLimit(db(), "portal-code-pair", pair, MAX_CODE_ATTEMPTS, LOCK_WINDOW_SECONDS))) return { ok: false, message: TOO_MANY };
  const request = await matchingRequest(confirmationNumber, dateOfBirth);
  if (!isAccessCodeShape(code) || !request) return { ok: false, message: WRONG_CODE };

  const result = await db().$transaction(async (tx) => {
    const current = await tx.requesterAccessCode.findFirst({ where: { requestId: request.id, consumedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" } });
    // A code past its own guess limit is simply wrong (the pair's lock above is the only lock).
    if (!current || current.attempts >= MAX_CODE_ATTEMPTS) return "wrong" as const;
    const expected = Buffer.from(current.codeHash);
    const given = Buffer.from(tokenHash(`${request.id}:${code}`));
    if (!timingSafeEqual(expected, given)) {
      // Counted atomically: parallel guesses cannot exceed the limit.
      await tx.requesterAccessCode.updateMany({ where: { id: current.id, attempts: { lt: MAX_CODE_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
      return "wrong" as const;
    }
    const consumed = await tx.requesterAccessCode.updateMany({ where: { id: current.id, consumedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS } }, data: { consumedAt: now } });
    return consumed.count === 1 ? ("ok" as const) : ("wrong" as const);
  });
  await recordAudit(db(), { actor: { type: "REQUESTER", requestId: request.id }, action: "portal.signed_in", objectType: "AuthorizationRequest", objectId: request.id, requestId: request.id, outcome: result === "ok" ? "SUCCESS" : "DENIED" });
  if (result !== "ok") return { ok: false, message: WRONG_CODE };
  // The requester proved the code: the pair's count starts over.
  await resetRateLimit(db(), "portal-code-pair", pair);
  jar.delete(pendingCookie.name);
  await startPortalSession(request.id, now, jar);
  return { ok: true };
}

type SessionKind = "PORTAL" | "DOWNLOAD";
const cookieFor = (kind: SessionKind) => portalCookie(kind === "PORTAL" ? SESSION : DOWNLOAD);

/** A new server-side session; the browser gets only the random token. */
async function openSession(kind: SessionKind, requestId: string, grantId: string | null, ttlMs: number, now: Date, jar: CookieJar): Promise<void> {
  const token = newToken();
  await db().portalSession.create({ data: { tokenHash: tokenHash(token), kind, requestId, grantId, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) } });
  const cookie = cookieFor(kind);
  jar.set(cookie.name, token, { ...cookie.options, maxAge: Math.floor(ttlMs / 1000) });
}

/** This browser's live session of `kind` (not ended, not expired), or null. */
export async function sessionOf(kind: SessionKind, now = new Date(), cookieJar?: CookieJar) {
  const token = (await jarOf(cookieJar)).get(cookieFor(kind).name)?.value;
  if (!token || !TOKEN.test(token)) return null;
  return db().portalSession.findFirst({ where: { tokenHash: tokenHash(token), kind, endedAt: null, expiresAt: { gt: now } } });
}

/** Opens a portal session for one request (after the e-mailed code). */
export async function startPortalSession(requestId: string, now = new Date(), cookieJar?: CookieJar): Promise<void> {
  await openSession("PORTAL", requestId, null, PORTAL_SESSION_MS, now, await jarOf(cookieJar));
}

/** Opens a download-only session for one download link (grant): it reaches that download and nothing else. */
export async function startDownloadSession(requestId: string, grantId: string, ttlMs: number, now = new Date(), cookieJar?: CookieJar): Promise<void> {
  await openSession("DOWNLOAD", requestId, grantId, ttlMs, now, await jarOf(cookieJar));
}

/** The request this browser's portal session is for, or null. Every portal read starts here. */
export async function portalRequestId(cookieJar?: CookieJar, now = new Date()): Promise<string | null> {
  return (await sessionOf("PORTAL", now, cookieJar))?.requestId ?? null;
}

/** Sign-out: this browser's portal and download sessions end in the database, not just in the browser. */
export async function endPortalSession(cookieJar?: CookieJar, now = new Date()): Promise<void> {
  const jar = await jarOf(cookieJar);
  const hashes = (["PORTAL", "DOWNLOAD"] as const).flatMap((kind) => {
    const token = jar.get(cookieFor(kind).name)?.value;
    return token && TOKEN.test(token) ? [tokenHash(token)] : [];
  });
  if (hashes.length) await db().portalSession.updateMany({ where: { tokenHash: { in: hashes }, endedAt: null }, data: { endedAt: now } });
  jar.delete(cookieFor("PORTAL").name);
  jar.delete(cookieFor("DOWNLOAD").name);
}

/** Ends every open session of a request (staff withdrew its links); `kind` narrows it. */
export async function endRequestSessions(client: Tx | Db, requestId: string, now: Date, kind?: SessionKind): Promise<number> {
  const ended = await client.portalSession.updateMany({ where: { requestId, endedAt: null, ...(kind ? { kind } : {}) }, data: { endedAt: now } });
  return ended.count;
}

async function matchingRequest(confirmationNumber: string, dateOfBirth: string) {
  const request = await db().authorizationRequest.findUnique({
    where: { confirmationNumber },
    select: { id: true, confirmationNumber: true, locale: true, patientDateOfBirth: true, deliveryEmail: true, requesterKind: true, representativeEmail: true, patientEmail: true },
  });
  if (!request || request.patientDateOfBirth.toISOString().slice(0, 10) !== dateOfBirth) return null;
  return request;
}

/**
 * The code goes straight out (not through the outbox): it is useful for ten minutes only, and is
 * never stored in clear — not even in a queued job.
 */
async function sendCode(to: string, confirmationNumber: string, code: string, locale: Locale): Promise<void> {
  const message = renderNotification("ACCESS_CODE", { confirmationNumber, portalUrl: portalUrlFor(env().APP_URL, locale), code }, locale);
  await mailTransport().sendMail({ to, subject: message.subject, text: message.text, html: message.html });
}
