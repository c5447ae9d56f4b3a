/**
 * The notification e-mails, one per template: a subject, a plain-text body and a simple,
 * accessible HTML body. **No PHI** (SECURITY.md §9): a template can only use what it is given
 * here — the confirmation number, the portal link, the organization's phone, and for MAILED the
 * carrier's tracking number, for ACCESS_CODE the one-time code, and for EXTENSION the reason (one
 * of the fixed reasons of src/domain/extension.ts, never staff's own words) and the new date, which
 * 45 CFR 164.524(b)(2)(ii) requires in writing. No names, record types, addresses or amounts: the
 * requester signs in to the portal to see those. Pure: no I/O. Words in the catalogues' `email`
 * and `pickup` namespaces (messages/*.json), in the request's language.
 */
import type { NotificationTemplate } from "@/generated/prisma/client";
import { CONFIRMATION_NUMBER_PATTERN } from "@/domain/ids";
import { EXTENSION_REASONS, type ExtensionReason, isExtensionReasonText } from "@/domain/extension";
import { organization } from "@/domain/organization";
import { type Locale, localizedPath } from "@/i18n/locales";
import { formatDay, translatorFor } from "@/i18n/translator";

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

type Translate = ReturnType<typeof translatorFor<"email">>;
type Content = {
  subject: (t: Translate, c: MessageContext) => string;
  /** The one sentence that says what happened. */
  headline: (t: Translate, c: MessageContext) => string;
  /** Further sentences, each a paragraph. */
  details: (t: Translate, c: MessageContext, locale: Locale) => string[];
  /** The link's text (the link always goes to the portal). */
  action: (t: Translate) => string;
};

const update = (t: Translate, c: MessageContext) => t("update", { number: c.confirmationNumber });
const seeDetails = (t: Translate) => t("seeDetails");

/** The fixed extension reasons (src/domain/extension.ts), stored in English, told in the request's language. */
const extensionReasonKeys = {
  RECORDS_OFFSITE: "extensionReason.RECORDS_OFFSITE",
  SEVERAL_LOCATIONS: "extensionReason.SEVERAL_LOCATIONS",
  LARGE_VOLUME: "extensionReason.LARGE_VOLUME",
  FORMAT_CONVERSION: "extensionReason.FORMAT_CONVERSION",
} as const satisfies Record<ExtensionReason, string>;

function extensionReason(t: Translate, stored: string | null): string | null {
  if (!stored || !isExtensionReasonText(stored)) return null;
  const key = (Object.keys(EXTENSION_REASONS) as ExtensionReason[]).find((k) => EXTENSION_REASONS[k] === stored)!;
  return t(extensionReasonKeys[key]);
}

const templates: Record<NotificationTemplate, Content> = {
  REQUEST_RECEIVED: {
    subject: (t, c) => t("received.subject", { number: c.confirmationNumber }),
    headline: (t) => t("received.headline"),
    details: (t) => [t("received.details", { days: organization.responseDays })],
    action: (t) => t("received.action"),
  },
  DEFICIENCY: {
    subject: update,
    headline: (t) => t("deficiency.headline"),
    details: (t) => [t("deficiency.details")],
    action: (t) => t("deficiency.action"),
  },
  EXTENSION: {
    subject: update,
    headline: (t) => t("extension.headline"),
    details: (t, c, locale) => {
      if (!c.extension) return [t("extension.noDetails")];
      const reason = extensionReason(t, c.extension.reason);
      return [...(reason ? [t("extension.reason", { reason })] : []), t("extension.newDate", { date: formatDay(locale, c.extension.newDueDay) })];
    },
    action: seeDetails,
  },
  INVOICE_ISSUED: {
    subject: update,
    headline: (t) => t("invoice.headline"),
    details: (t) => [t("invoice.details")],
    action: (t) => t("invoice.action"),
  },
  PAYMENT_RECEIVED: {
    subject: update,
    headline: (t) => t("payment.headline"),
    details: (t) => [t("payment.details")],
    action: seeDetails,
  },
  RECORDS_READY: {
    subject: update,
    headline: (t) => t("recordsReady.headline"),
    details: (t, c) => [c.downloadUrl ? t("recordsReady.detailsLink") : t("recordsReady.detailsPortal")],
    action: (t) => t("recordsReady.action"),
  },
  MAILED: {
    subject: update,
    headline: (t) => t("mailed.headline"),
    details: (t, c) => (c.trackingNumber ? [t("mailed.tracking", { tracking: c.trackingNumber })] : []),
    action: seeDetails,
  },
  PICKUP_CALL: {
    subject: update,
    headline: (t) => t("pickupCall.headline"),
    details: (t) => [t("pickupCall.details")],
    action: seeDetails,
  },
  PICKUP_SCHEDULED: {
    subject: update,
    headline: (t) => t("pickupScheduled.headline"),
    // The place, hours and what to bring are the same for everyone; the day and time agreed are
    // this requester's and stay in the portal (docs/decisions/0019).
    details: (t, _c, locale) => {
      const pickup = translatorFor(locale, "pickup");
      return [
        t("pickupScheduled.where", { place: organization.pickupPlace }),
        t("pickupScheduled.when", { hours: pickup("hours") }),
        t("pickupScheduled.bring", { idItem: pickup("bringId"), proofItem: pickup("bringProof"), paymentItem: pickup("bringPayment", { phone: organization.paymentPhone }) }),
        pickup("who"),
      ];
    },
    action: (t) => t("pickupScheduled.action"),
  },
  REJECTED: {
    subject: update,
    headline: (t) => t("rejected.headline"),
    details: (t) => [t("rejected.details")],
    action: seeDetails,
  },
  COMPLETED: {
    subject: update,
    headline: (t) => t("completed.headline"),
    details: (t) => [t("completed.details")],
    action: seeDetails,
  },
  ACCESS_CODE: {
    subject: (t) => t("accessCode.subject", { service: organization.serviceName }),
    headline: (t, c) => t("accessCode.headline", { code: c.code ?? "" }),
    details: (t, c) => [t("accessCode.details", { number: c.confirmationNumber }), t("accessCode.ignore")],
    action: (t) => t("accessCode.action"),
  },
  SIGNING_INVITATION: {
    subject: (t) => t("signingInvitation.subject"),
    headline: (t) => t("signingInvitation.headline"),
    details: (t) => [t("signingInvitation.details"), t("signingInvitation.linkOnce")],
    action: (t) => t("signingInvitation.action"),
  },
  PAPER_AUTHORIZATION_DEFICIENT: {
    subject: update,
    headline: (t) => t("paperDeficient.headline"),
    details: (t) => [t("paperDeficient.details")],
    action: (t) => t("paperDeficient.action"),
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

/**
 * One notification in the request's language (issue 15: the requester reads every e-mail in the
 * language they used; paper and staff-keyed requests are English). Staff e-mails are elsewhere and
 * stay English.
 */
export function renderNotification(template: NotificationTemplate, context: MessageContext, locale: Locale = "en"): RenderedMessage {
  const content = templates[template];
  if (!CONFIRMATION_NUMBER_PATTERN.test(context.confirmationNumber)) throw new Error("A notification needs the request's confirmation number");
  if (template === "ACCESS_CODE" && !/^\d{6}$/.test(context.code ?? "")) throw new Error("The sign-in code e-mail needs its six-digit code");
  if (template === "SIGNING_INVITATION" && !context.signUrl) throw new Error("The invitation to sign is closed (used, expired or locked)");
  if (template === "PAPER_AUTHORIZATION_DEFICIENT" && !context.correctUrl) throw new Error("The uploaded authorization is no longer waiting for a correction");
  const t = translatorFor(locale, "email");
  const subject = content.subject(t, context);
  const headline = content.headline(t, context);
  const details = content.details(t, context, locale);
  const action = content.action(t);
  const reference = template === "ACCESS_CODE" ? [] : [t("confirmationNumber", { number: context.confirmationNumber })];
  const hours = translatorFor(locale, "common")("questionsHours");
  const questions = t("questions", { service: organization.serviceName, phone: organization.questionsPhone, hours });
  const privacy = t("privacy");

  const link =
    (template === "RECORDS_READY" && context.downloadUrl) ||
    (template === "SIGNING_INVITATION" && context.signUrl) ||
    (template === "PAPER_AUTHORIZATION_DEFICIENT" && context.correctUrl) ||
    context.portalUrl;
  const text = [headline, ...reference, ...details, `${action}: ${link}`, questions, privacy].join("\n\n") + "\n";

  const p = (inner: string, style = "") => `<p style="margin:0 0 16px;${style}">${inner}</p>`;
  const phoneLink = `<a href="${escapeHtml(organization.questionsPhoneHref)}" style="color:#0b4f8a;">${escapeHtml(organization.questionsPhone)}</a>`;
  const html = `<!doctype html>
<html lang="${locale}">
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
${p(`<a href="${escapeHtml(link)}" style="color:#0b4f8a;font-weight:bold;">${escapeHtml(action)}</a>`)}
${p(escapeHtml(questions).replace(escapeHtml(organization.questionsPhone), phoneLink))}
${p(escapeHtml(privacy), "font-size:14px;color:#4a4a4a;")}
</div>
</body>
</html>
`;
  return { subject, text, html };
}

/** The portal's address in a language: https://…/portal or https://…/es/portal. */
export function portalUrlFor(appUrl: string, locale: Locale, path = "/portal"): string {
  return new URL(localizedPath(locale, path), appUrl).toString();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}
