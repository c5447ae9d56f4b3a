import "server-only";
import { addCalendarDays, chicagoDay, isCalendarDay, startOfDayInChicago } from "@/domain/chicago";
import { formatDateTime, formatIsoDate } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import { portalCanRevoke } from "@/domain/revocation";
import { can } from "@/domain/staff-access";
import { recordAudit } from "../audit";
import { db } from "../db";
import { PdfWriter } from "../pdf/layout";
import type { StaffIdentity } from "./auth";
import { NOT_FOUND, type StaffResult } from "./step";

/** 45 CFR 164.528(a): disclosures in the six years before the request. */
export const ACCOUNTING_YEARS = 6;

/**
 * Every disclosure of this patient's records in the last six years — from every request for the
 * same patient (same name and date of birth), not only this one — oldest first.
 */
async function patientDisclosures(requestId: string, now: Date) {
  const r = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { patientFirstName: true, patientLastName: true, patientDateOfBirth: true, confirmationNumber: true } });
  if (!r) return null;
  const today = chicagoDay(now);
  const sameDay = `${Number(today.slice(0, 4)) - ACCOUNTING_YEARS}${today.slice(4)}`;
  const since = startOfDayInChicago(isCalendarDay(sameDay) ? sameDay : addCalendarDays(sameDay.replace(/-29$/, "-28"), 0));
  const disclosures = await db().disclosure.findMany({
    where: {
      disclosedAt: { gte: since, lte: now },
      request: {
        patientDateOfBirth: r.patientDateOfBirth,
        patientFirstName: { equals: r.patientFirstName, mode: "insensitive" },
        patientLastName: { equals: r.patientLastName, mode: "insensitive" },
      },
    },
    orderBy: { disclosedAt: "asc" },
    include: { request: { select: { confirmationNumber: true } } },
  });
  return { patient: r, since, disclosures };
}

/** The accounting of disclosures as a PDF: date, recipient (and how), what, purpose — for staff to send. Audited. */
export async function accountingPdfForStaff(staff: StaffIdentity, requestId: string, now = new Date()): Promise<Uint8Array | null> {
  if (!can(staff.role, "document.view")) return null;
  const found = await patientDisclosures(requestId, now);
  if (!found) return null;
  const { patient, since, disclosures } = found;
  const pdf = await PdfWriter.create({ title: "Accounting of disclosures", subject: "Accounting of disclosures (45 CFR 164.528)", footer: `${organization.name} · ${organization.serviceName} · Accounting of disclosures` });
  pdf.title("Accounting of disclosures", `${organization.name} · ${organization.serviceName}`);
  pdf.row("Patient", `${patient.patientFirstName} ${patient.patientLastName}`);
  pdf.row("Period", `${formatIsoDate(chicagoDay(since))} to ${formatIsoDate(chicagoDay(now))} (six years, 45 CFR 164.528)`);
  pdf.row("Prepared", formatDateTime(now));
  pdf.heading("Disclosures");
  if (disclosures.length === 0) pdf.paragraph("No disclosures of your health information were made in this period under an authorization handled by Record Connect.");
  for (const d of disclosures) {
    pdf.row("Date", formatIsoDate(chicagoDay(d.disclosedAt)));
    pdf.row("Recipient", `${d.recipient} (by ${deliveryMethodLabels[d.method].label.toLowerCase()}; request ${d.request.confirmationNumber})`);
    pdf.row("What was disclosed", d.description);
    pdf.row("Purpose", d.purpose);
    pdf.rule();
  }
  pdf.paragraph(`Questions? Call ${organization.serviceName} at ${organization.questionsPhone}, ${organization.questionsHours}.`);
  const bytes = await pdf.finish();
  await recordAudit(db(), { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "accounting.produced", objectType: "AuthorizationRequest", objectId: requestId, requestId, details: { disclosures: disclosures.length } });
  return bytes;
}

/** Staff sent the accounting the patient asked for. */
export async function markAccountingSent(staff: StaffIdentity, requestId: string, accountingRequestId: string, now = new Date()): Promise<StaffResult> {
  if (!can(staff.role, "request.process")) return { ok: false, message: NOT_FOUND };
  return db().$transaction(async (tx) => {
    const done = await tx.accountingRequest.updateMany({ where: { id: accountingRequestId, requestId, fulfilledAt: null }, data: { fulfilledAt: now, fulfilledById: staff.id } });
    if (done.count !== 1) return { ok: false as const, message: "This accounting request was already answered." };
    await recordAudit(tx, { actor: { type: "STAFF", id: staff.id, role: staff.role }, action: "accounting.sent", objectType: "AccountingRequest", objectId: accountingRequestId, requestId });
    return { ok: true as const };
  });
}

/**
 * The patient or personal representative asks, in the portal, for an accounting of disclosures.
 * Staff verify identity and send it (within 60 days, 164.528(c)); a recipient who reached the
 * portal through its own address cannot ask in the patient's name.
 */
export async function requestAccounting(requestId: string, now = new Date()): Promise<{ ok: true } | { ok: false; message: string }> {
  const r = await db().authorizationRequest.findUnique({ where: { id: requestId }, select: { recipientKind: true, deliveryEmail: true, accountingRequests: { where: { fulfilledAt: null }, select: { id: true } } } });
  if (!r) return { ok: false, message: "This request could not be found." };
  if (!portalCanRevoke(r)) return { ok: false, message: "Only the patient or their personal representative can ask for an accounting of disclosures. Please call us." };
  if (r.accountingRequests.length > 0) return { ok: false, message: "You have already asked: we will send it within 60 days of your request." };
  await db().$transaction(async (tx) => {
    const created = await tx.accountingRequest.create({ data: { requestId, requestedAt: now } });
    await recordAudit(tx, { actor: { type: "REQUESTER", requestId }, action: "accounting.requested", objectType: "AccountingRequest", objectId: created.id, requestId });
  });
  return { ok: true };
}
