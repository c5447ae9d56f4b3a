/**
 * The notification e-mails, one per template: a subject, a plain-text body and a simple,
 * accessible HTML body. **No PHI** (SECURITY.md §9): a template can only use what it is given
 * here — the confirmation number, the portal link, the organization's phone, and for MAILED the
 * carrier's tracking number, for ACCESS_CODE the one-time code, and for EXTENSION the reason (one
 * of the fixed reasons of src/domain/extension.ts, never staff's own words) and the new date, which
 * 45 CFR 164.524(b)(2)(ii) requires in writing. No names, record types, addresses or amounts: the
 * requester signs in to the portal to see those. Pure: no I/O.
 */
import type { NotificationTemplate } from "@/generated/prisma/client";
import { CONFIRMATION_NUMBER_PATTERN } from "@/domain/ids";
import { isExtensionReasonText } from "@/domain/extension";
import { formatIsoDate } from "@/domain/format";
import { organization } from "@/domain/organization";

export type MessageContext = {
  confirmationNumber: string;
  /** The requester portal, e.g. https://requests.example.org/portal. */
  portalUrl: string;
  /** MAILED: the carrier's tracking number, when there is one. */
  trackingNumber?: string | null;
  /** RECORDS_READY: the secure download link (a one-time token, src/server/portal/downloads.ts); the link then goes there instead of the portal. */
  downloadUrl?: string | null;
  /** SIGNING_INVITATION: the single-use link to sign (src/server/third-party/invitations.ts); the link goes there. */
  signUrl?: string | null;
  /** PAPER_AUTHORIZATION_DEFICIENT: the single-use link to the page that shows what is wrong and takes a corrected scan (src/server/third-party/paper-uploads.ts). */
  correctUrl?: string | null;
  /** ACCESS_CODE: the one-time sign-in code (required for it). */
  code?: string | null;
  /** EXTENSION: the reason (a fixed text) and the new due day (YYYY-MM-DD). */
  extension?: { reason: string | null; newDueDay: string } | null;
};

export type RenderedMessage = { subject: string; text: string; html: string };

type Content = {
  subject: (c: MessageContext) => string;
  /** The one sentence that says what happened. */
  headline: (c: MessageContext) => string;
  /** Further sentences, each a paragraph. */
  details: (c: MessageContext) => string[];
  /** The link's text (the link always goes to the portal). */
  action: string;
};

const update = (c: MessageContext) => `There is an update on your records request ${c.confirmationNumber}`;
const SEE_DETAILS = "Sign in to see the details";

const templates: Record<NotificationTemplate, Content> = {
  REQUEST_RECEIVED: {
    subject: (c) => `We received your records request ${c.confirmationNumber}`,
    headline: () => "We received your records request.",
    details: () => [`We respond within ${organization.responseDays} days. We will e-mail you when there is an update.`],
    action: "Check your request's status",
  },
  DEFICIENCY: {
    subject: update,
    headline: () => "We need something more from you before we can continue with your request.",
    details: () => ["Sign in to see what is needed, or call us."],
    action: "See what we need",
  },
  EXTENSION: {
    subject: update,
    headline: () => "We need more time to complete your request.",
    details: (c) =>
      c.extension
        ? [
            ...(c.extension.reason && isExtensionReasonText(c.extension.reason) ? [`Reason: ${c.extension.reason}`] : []),
            `New date: we will respond by ${formatIsoDate(c.extension.newDueDay)}. The law allows one extension of up to 30 days; this is it.`,
          ]
        : ["Sign in to see the new date and the reason, or call us."],
    action: SEE_DETAILS,
  },
  INVOICE_ISSUED: {
    subject: update,
    headline: () => "An invoice is ready for your request.",
    details: () => ["Sign in to see the invoice and how to pay it. We send the records once it is paid."],
    action: "See the invoice",
  },
  PAYMENT_RECEIVED: {
    subject: update,
    headline: () => "We received a payment for your request.",
    details: () => ["Thank you. Sign in to see your balance and what happens next."],
    action: SEE_DETAILS,
  },
  RECORDS_READY: {
    subject: update,
    headline: () => "Your records are ready.",
    details: (c) =>
      c.downloadUrl
        ? ["Download them with the secure link below. It works for 30 days and a few downloads; do not forward this e-mail. If it has expired, the page it opens lets you ask for a new one."]
        : ["Sign in to download them securely."],
    action: "Download your records",
  },
  MAILED: {
    subject: update,
    headline: () => "Your records were mailed.",
    details: (c) => (c.trackingNumber ? [`Tracking number: ${c.trackingNumber}`] : []),
    action: SEE_DETAILS,
  },
  PICKUP_CALL: {
    subject: update,
    headline: () => "We tried to reach you by phone about picking up your records.",
    details: () => ["Please call us to arrange a time to pick them up."],
    action: SEE_DETAILS,
  },
  PICKUP_SCHEDULED: {
    subject: update,
    headline: () => "Your pickup is scheduled.",
    details: () => [
      `Where: ${organization.pickupPlace}.`,
      `Hours: ${organization.pickupHours}. Sign in to see the date and time we agreed.`,
      `What to bring: ${organization.pickupBring.join(" ")}`,
    ],
    action: "See the date and time",
  },
  REJECTED: {
    subject: update,
    headline: () => "We could not complete your request.",
    details: () => ["Sign in to see why and what you can do, or call us."],
    action: SEE_DETAILS,
  },
  COMPLETED: {
    subject: update,
    headline: () => "Your request is complete.",
    details: () => ["Thank you for using Record Connect."],
    action: SEE_DETAILS,
  },
  ACCESS_CODE: {
    subject: () => `Your ${organization.serviceName} sign-in code`,
    headline: (c) => `Your sign-in code is ${c.code}`,
    details: (c) => [
      `Enter it to sign in and see your records request ${c.confirmationNumber}. It works once, for 10 minutes.`,
      "If you did not ask for it, you can ignore this e-mail.",
    ],
    action: "Go to the sign-in page",
  },
  SIGNING_INVITATION: {
    subject: () => `You are asked to sign an authorization to release your medical records`,
    headline: () => "An organisation has asked for copies of your medical records and needs your permission.",
    details: () => [
      "Open the secure link below to see who asked, what for, and to sign the authorization if you agree. You will be asked for your date of birth. You do not have to sign; if you do not, nothing is released.",
      "The link works once, for 14 days. Do not forward this e-mail. If you did not expect it, you can ignore it or call us.",
    ],
    action: "See the request and sign",
  },
  PAPER_AUTHORIZATION_DEFICIENT: {
    subject: update,
    headline: () => "We could not accept the signed authorization you uploaded.",
    details: () => [
      "Open the secure link below to see why, and to upload a corrected authorization signed by the patient or their legal representative. The link works for 30 days. Do not forward this e-mail.",
    ],
    action: "See what is wrong and upload a corrected authorization",
  },
};

export const NOTIFICATION_TEMPLATES = Object.keys(templates) as NotificationTemplate[];

/** What staff call each notification (the notifications page). */
export const notificationTemplateLabels: Record<NotificationTemplate, string> = {
  REQUEST_RECEIVED: "Request received",
  DEFICIENCY: "Something is missing",
  EXTENSION: "Deadline extended",
  INVOICE_ISSUED: "Invoice issued",
  PAYMENT_RECEIVED: "Payment received",
  RECORDS_READY: "Records ready",
  MAILED: "Records mailed",
  PICKUP_CALL: "Pickup call",
  PICKUP_SCHEDULED: "Pickup scheduled",
  REJECTED: "Request rejected",
  COMPLETED: "Request completed",
  ACCESS_CODE: "Sign-in code",
  SIGNING_INVITATION: "Invitation to sign (third party)",
  PAPER_AUTHORIZATION_DEFICIENT: "Uploaded authorization sent back (third party)",
};

const QUESTIONS = `Questions? Call ${organization.serviceName} at ${organization.questionsPhone}, ${organization.questionsHours}.`;
const PRIVACY = "For your privacy, this e-mail does not include details of your request. It was sent automatically; replies are not read.";

export function renderNotification(template: NotificationTemplate, context: MessageContext): RenderedMessage {
  const content = templates[template];
  if (!CONFIRMATION_NUMBER_PATTERN.test(context.confirmationNumber)) throw new Error("A notification needs the request's confirmation number");
  if (template === "ACCESS_CODE" && !/^\d{6}$/.test(context.code ?? "")) throw new Error("The sign-in code e-mail needs its six-digit code");
  if (template === "SIGNING_INVITATION" && !context.signUrl) throw new Error("The invitation to sign is closed (used, expired or locked)");
  if (template === "PAPER_AUTHORIZATION_DEFICIENT" && !context.correctUrl) throw new Error("The uploaded authorization is no longer waiting for a correction");
  const subject = content.subject(context);
  const headline = content.headline(context);
  const details = content.details(context);
  const reference = template === "ACCESS_CODE" ? [] : [`Confirmation number: ${context.confirmationNumber}`];

  const link =
    (template === "RECORDS_READY" && context.downloadUrl) ||
    (template === "SIGNING_INVITATION" && context.signUrl) ||
    (template === "PAPER_AUTHORIZATION_DEFICIENT" && context.correctUrl) ||
    context.portalUrl;
  const text = [headline, ...reference, ...details, `${content.action}: ${link}`, QUESTIONS, PRIVACY].join("\n\n") + "\n";

  const p = (inner: string, style = "") => `<p style="margin:0 0 16px;${style}">${inner}</p>`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;">
<div role="article" aria-label="${escapeHtml(subject)}" style="max-width:560px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${escapeHtml(headline)}</h1>
${reference.map((r) => p(escapeHtml(r).replace(context.confirmationNumber, `<strong>${context.confirmationNumber}</strong>`))).join("\n")}
${details.map((d) => p(escapeHtml(d))).join("\n")}
${p(`<a href="${escapeHtml(link)}" style="color:#0b4f8a;font-weight:bold;">${escapeHtml(content.action)}</a>`)}
${p(`Questions? Call ${escapeHtml(organization.serviceName)} at <a href="${escapeHtml(organization.questionsPhoneHref)}" style="color:#0b4f8a;">${escapeHtml(organization.questionsPhone)}</a>, ${escapeHtml(organization.questionsHours)}.`)}
${p(escapeHtml(PRIVACY), "font-size:14px;color:#4a4a4a;")}
</div>
</body>
</html>
`;
  return { subject, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}
