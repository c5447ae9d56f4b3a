import "server-only";
import { addDaysInChicago } from "@/domain/chicago";
import { disclosurePurpose } from "@/domain/right-of-access";
import { addresseeName } from "@/domain/names";
import { can } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { mailTransport } from "../mail/transport";
import { localizedPath } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { portalUrlFor, renderNotification } from "../notifications/templates";
import { consumeRateLimit } from "../rate-limit";
import { newToken, tokenHash } from "../secrets";
import { cookieBasics, readSignedValue, signValue } from "../signed-value";
import { fileStore } from "../storage";
import type { StaffIdentity } from "../staff/auth";
import { NOT_FOUND, type StaffResult } from "../staff/step";
import { validityInTransaction } from "../staff/validity";
import { type CookieJar, endRequestSessions, jarOf, portalRequestId, sessionOf, startDownloadSession } from "./access";
import { plural } from "@/domain/plural";

/**
 * The records download for secure e-mail delivery (RULES.md §1, §7): a 256-bit random token in
 * the e-mailed link, stored only as its SHA-256, bound to one request, expiring, limited in
 * downloads and revocable by staff. The link is exchanged at once for a download-only session
 * (PortalSession DOWNLOAD, bound to that grant) and the token leaves the address bar: the link
 * reaches its download and nothing else of the portal. Every download is audited and recorded as
 * a disclosure.
 */
export const LINK_DAYS = 30;
export const MAX_DOWNLOADS = 5;
const EXPIRED = "portal-expired-grant";
const GRANT_COOKIE_MS = 30 * 60 * 1000;
/** A download session lasts this long (or less: until its grant is revoked, used up or expired). */
export const DOWNLOAD_SESSION_MS = GRANT_COOKIE_MS;

function grantCookie(name: string) {
  const basics = cookieBasics(name);
  return { name: basics.name, options: { ...basics.options, sameSite: "lax" as const } };
}

/** A new link for a request: the token is returned once (for the e-mail) and never stored. */
export async function issueDownloadGrant(client: Tx | ReturnType<typeof db>, requestId: string, now = new Date()): Promise<{ id: string; url: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = addDaysInChicago(now, LINK_DAYS);
  const grant = await client.downloadGrant.create({ data: { requestId, tokenHash: tokenHash(token), expiresAt, maxDownloads: MAX_DOWNLOADS, createdAt: now } });
  // The link opens the portal in the request's language (/es/portal/download for Spanish).
  const request = await client.authorizationRequest.findUnique({ where: { id: requestId }, select: { locale: true } });
  return { id: grant.id, url: new URL(`${localizedPath(request?.locale ?? "en", "/portal/download")}?t=${token}`, env().APP_URL).toString(), expiresAt };
}

export type Exchange = { ok: true } | { ok: false; reason: "expired" | "revoked" | "used" | "unknown" };

/** The e-mailed link, opened: a valid token becomes a download session for this grant only; the caller redirects to a clean URL. */
export async function exchangeDownloadToken(token: string, now = new Date(), cookieJar?: CookieJar): Promise<Exchange> {
  const grant = /^[A-Za-z0-9_-]{43}$/.test(token) ? await db().downloadGrant.findUnique({ where: { tokenHash: tokenHash(token) } }) : null;
  const jar = await jarOf(cookieJar);
  if (!grant) return { ok: false, reason: "unknown" };
  const reason = grant.revokedAt ? "revoked" : grant.expiresAt <= now ? "expired" : grant.downloadCount >= grant.maxDownloads ? "used" : null;
  if (reason) {
    // Remembered (signed, short-lived) so "send me a new link" knows which request, without the token.
    const c = grantCookie(EXPIRED);
    jar.set(c.name, signValue(EXPIRED, grant.id, GRANT_COOKIE_MS, now.getTime()), { ...c.options, maxAge: GRANT_COOKIE_MS / 1000 });
    await recordAudit(db(), { actor: { type: "REQUESTER", requestId: grant.requestId }, action: "download.link_refused", objectType: "DownloadGrant", objectId: grant.id, requestId: grant.requestId, outcome: "DENIED", details: { reason } });
    return { ok: false, reason };
  }
  await startDownloadSession(grant.requestId, grant.id, DOWNLOAD_SESSION_MS, now, jar);
  await recordAudit(db(), { actor: { type: "REQUESTER", requestId: grant.requestId }, action: "download.link_opened", objectType: "DownloadGrant", objectId: grant.id, requestId: grant.requestId });
  return { ok: true };
}

/** The download this browser's download session opens (its request and still-usable grant), or null. */
export async function currentDownload(now = new Date(), cookieJar?: CookieJar) {
  const session = await sessionOf("DOWNLOAD", now, cookieJar);
  if (!session?.grantId) return null;
  const grant = await db().downloadGrant.findFirst({ where: { id: session.grantId, requestId: session.requestId } });
  if (!grant || grant.revokedAt || grant.expiresAt <= now || grant.downloadCount >= grant.maxDownloads) return null;
  const request = await db().authorizationRequest.findUnique({ where: { id: session.requestId }, select: { confirmationNumber: true, status: true, deliveryMethod: true } });
  if (!request || request.deliveryMethod !== "SECURE_EMAIL" || !["RELEASED", "COMPLETED"].includes(request.status)) return null;
  return { requestId: session.requestId, confirmationNumber: request.confirmationNumber, grant };
}

/** The grant this browser's download session holds for `requestId` (the portal page's own request), if still usable. */
export async function currentGrant(requestId: string, now = new Date(), cookieJar?: CookieJar) {
  const download = await currentDownload(now, cookieJar);
  return download && download.requestId === requestId ? download.grant : null;
}

/**
 * One download: counted atomically against the grant's limit, audited, and recorded as a
 * disclosure, in one transaction; then the file, checked against its SHA-256.
 */
export async function downloadRecords(now = new Date(), cookieJar?: CookieJar): Promise<{ bytes: Buffer; confirmationNumber: string } | null> {
  const download = await currentDownload(now, cookieJar);
  if (!download) return null;
  const { requestId, grant } = download;
  const records = await db().$transaction(async (tx) => {
    // A download is a disclosure: the authorization must still be valid (not expired, not revoked).
    if (!(await validityInTransaction(tx, requestId, now)).valid) return null;
    const counted = await tx.downloadGrant.updateMany({
      where: { id: grant.id, requestId, revokedAt: null, expiresAt: { gt: now }, downloadCount: { lt: grant.maxDownloads } },
      data: { downloadCount: { increment: 1 } },
    });
    if (counted.count !== 1) return null;
    const r = await tx.authorizationRequest.findUniqueOrThrow({ where: { id: requestId } });
    const document = await tx.document.findFirst({ where: { requestId, kind: "RELEASED_RECORDS" }, orderBy: { createdAt: "desc" } });
    if (!document || r.deliveryMethod !== "SECURE_EMAIL" || !["RELEASED", "COMPLETED"].includes(r.status)) return null;
    await tx.disclosure.create({
      data: {
        requestId,
        disclosedAt: now,
        recipient: addresseeName(r),
        description: `Records downloaded through the secure link${r.pageCount ? `, ${plural(r.pageCount, "page")}` : ""}`,
        purpose: disclosurePurpose(r),
        method: "SECURE_EMAIL",
        documentId: document.id,
        fileSha256: document.sha256,
      },
    });
    await recordAudit(tx, { actor: { type: "REQUESTER", requestId }, action: "document.downloaded", objectType: "Document", objectId: document.id, requestId, details: { kind: "RELEASED_RECORDS", grant: grant.id } });
    return { document, confirmationNumber: r.confirmationNumber };
  });
  if (!records) return null;
  return { bytes: await fileStore().get(records.document.storageKey, records.document.sha256), confirmationNumber: records.confirmationNumber };
}

/**
 * "Send me a new link": a fresh link to the e-mail address on file, for a request released by
 * secure e-mail (from the portal, a download session, or after an expired or withdrawn link). The
 * answer is the same whatever happens, and it is rate-limited per request. The link goes only to
 * the address on file, so naming the request here reveals nothing.
 */
export async function sendNewLink(now = new Date(), cookieJar?: CookieJar): Promise<void> {
  let id = (await portalRequestId(cookieJar, now)) ?? (await sessionOf("DOWNLOAD", now, cookieJar))?.requestId ?? null;
  if (!id) {
    const grantId = readSignedValue(EXPIRED, (await jarOf(cookieJar)).get(grantCookie(EXPIRED).name)?.value, now.getTime());
    const grant = grantId && /^[0-9a-f-]{36}$/.test(grantId) ? await db().downloadGrant.findUnique({ where: { id: grantId } }) : null;
    id = grant?.requestId ?? null;
  }
  if (!id) return;
  const r = await db().authorizationRequest.findUnique({ where: { id }, select: { id: true, status: true, deliveryMethod: true, deliveryEmail: true, confirmationNumber: true, locale: true } });
  if (!r || r.deliveryMethod !== "SECURE_EMAIL" || !r.deliveryEmail || !["RELEASED", "COMPLETED"].includes(r.status)) return;
  if (!(await consumeRateLimit(db(), "download-new-link", r.id, 3, 60 * 60))) return;
  const link = await db().$transaction(async (tx) => {
    const issued = await issueDownloadGrant(tx, r.id, now);
    await recordAudit(tx, { actor: { type: "REQUESTER", requestId: r.id }, action: "download.link_resent", objectType: "AuthorizationRequest", objectId: r.id, requestId: r.id });
    return issued;
  });
  const message = renderNotification("RECORDS_READY", { confirmationNumber: r.confirmationNumber, portalUrl: portalUrlFor(env().APP_URL, r.locale), downloadUrl: link.url }, r.locale);
  const { locale } = r;
  const subject = translatorFor(locale, "email")("recordsReady.newLinkSubject", { number: r.confirmationNumber });
  await mailTransport()
    .sendMail({ to: r.deliveryEmail, subject, text: message.text, html: message.html })
    .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : "unknown" }, "new download link not sent"));
}

/**
 * Staff withdraw every open link of a request (e.g. one was forwarded): the links stop working, and
 * so does every portal session of the request — those that came from a link and those signed in
 * with a code — at once. The requester can ask for a new link and sign in again.
 */
export async function revokeDownloadLinks(staff: StaffIdentity, requestId: string, now = new Date()): Promise<StaffResult> {
  if (!can(staff.role, "request.process")) return { ok: false, message: NOT_FOUND };
  return db().$transaction(async (tx) => {
    const revoked = await tx.downloadGrant.updateMany({ where: { requestId, revokedAt: null }, data: { revokedAt: now } });
    const sessions = await endRequestSessions(tx, requestId, now);
    await recordAudit(tx, { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "download.links_revoked", objectType: "AuthorizationRequest", objectId: requestId, requestId, details: { count: revoked.count, sessionsEnded: sessions } });
    return { ok: true as const };
  });
}
