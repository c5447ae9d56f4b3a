import "server-only";
import type { AuthorizationRequest, Invoice, InvoiceLine, Payment } from "@/generated/prisma/client";
import { formatUnitPrice } from "@/domain/fees";
import { requesterName } from "@/domain/names";
import { formatCents, formatDate, formatDateOnly } from "@/domain/format";
import { organization } from "@/domain/organization";
import { PdfWriter } from "./layout";

export type InvoiceForPdf = Invoice & { lines: InvoiceLine[]; payments: Payment[]; request: AuthorizationRequest };

const paymentMethodLabels = { CHECK: "Check", CARD_BY_PHONE: "Card by phone" } as const;

/** Who the invoice is addressed to: a third-party recipient pays for its copies; otherwise the requester. */
export function billTo(r: AuthorizationRequest): string[] {
  const requester = requesterName(r);
  if (r.recipientKind === "THIRD_PARTY" && r.recipientName && r.recipientAddressLine1 && r.recipientCity) {
    return [r.recipientName, r.recipientAddressLine1, ...(r.recipientAddressLine2 ? [r.recipientAddressLine2] : []), `${r.recipientCity}, ${r.recipientState ?? ""} ${r.recipientPostalCode ?? ""}`.trim()];
  }
  if (r.deliveryMethod === "MAIL" && r.mailAddressLine1 && r.mailCity) {
    return [requester, r.mailAddressLine1, ...(r.mailAddressLine2 ? [r.mailAddressLine2] : []), `${r.mailCity}, ${r.mailState ?? ""} ${r.mailPostalCode ?? ""}`.trim()];
  }
  return [requester, r.patientAddressLine1, ...(r.patientAddressLine2 ? [r.patientAddressLine2] : []), `${r.patientCity}, ${r.patientState} ${r.patientPostalCode}`];
}

/** The invoice a person recognizes: who, what for, itemized charges, total, what is paid, and how to pay (never cash). */
export async function renderInvoicePdf(invoice: InvoiceForPdf): Promise<Uint8Array> {
  const r = invoice.request;
  const paid = invoice.payments.reduce((s, p) => s + p.amountCents, 0);
  const balance = invoice.status === "VOID" ? 0 : invoice.totalCents - paid;
  const pdf = await PdfWriter.create({ title: `Invoice ${invoice.number}`, subject: "Invoice for copies of medical records", footer: `${organization.name} · ${organization.serviceName} · Invoice ${invoice.number}` });

  pdf.title(`Invoice ${invoice.number}`, `${organization.name} · ${organization.serviceName} release of information`);
  if (invoice.status === "VOID") pdf.paragraph(`VOID — this invoice was voided on ${formatDate(invoice.voidedAt!)} (${invoice.voidReason}). Do not pay it.`, { bold: true });
  if (invoice.status === "PAID") pdf.paragraph(`PAID IN FULL on ${invoice.payments.length ? formatDateOnly(invoice.payments[invoice.payments.length - 1]!.receivedOn) : formatDate(invoice.paidAt!)}. Thank you.`, { bold: true });
  pdf.row("Invoice number", invoice.number);
  pdf.row("Date issued", formatDate(invoice.issuedAt));
  pdf.row("Payment due", formatDate(invoice.dueAt));
  pdf.row("Records request", r.confirmationNumber);
  pdf.row("Records of", `${r.patientFirstName} ${r.patientLastName}`);
  pdf.row("Bill to", billTo(r).join("\n"));

  pdf.heading("Charges");
  pdf.table(
    [
      { header: "Item", width: 290 },
      { header: "Qty", width: 40, align: "right" },
      { header: "Unit price", width: 70, align: "right" },
      { header: "Amount", width: 80, align: "right" },
    ],
    [
      ...invoice.lines.map((l) => [`${l.description}\n${l.rule}`, String(l.quantity), formatUnitPrice(l.unitCentiCents), formatCents(l.amountCents)]),
      ["Total", "", "", formatCents(invoice.totalCents)],
    ],
    { boldLastRow: true },
  );
  if (invoice.payments.length > 0) {
    pdf.heading("Payments received");
    pdf.table(
      [
        { header: "Received", width: 290 },
        { header: "", width: 40 },
        { header: "", width: 70 },
        { header: "Amount", width: 80, align: "right" },
      ],
      invoice.payments.map((p) => [`${formatDateOnly(p.receivedOn)} — ${paymentMethodLabels[p.method]}${p.checkNumber ? ` no. ${p.checkNumber}` : ""}${p.cardLast4 ? ` ending ${p.cardLast4}` : ""}`, "", "", formatCents(-p.amountCents)]),
    );
  }
  pdf.paragraph(`Balance due: ${formatCents(balance)}`, { bold: true, size: 12 });
  pdf.paragraph(
    `Charges follow Illinois law (735 ILCS 5/8-2001${invoice.feeYear ? `, ${invoice.feeYear} schedule of the Illinois Comptroller` : ""}) and federal law (45 CFR 164.524). Records sent directly to another medical provider are free.`,
    { size: 9, muted: true },
  );

  if (invoice.status === "ISSUED") {
    pdf.heading("How to pay");
    pdf.paragraph(`By card over the phone: call ${organization.paymentPhone}, ${organization.questionsHours}, and give the invoice number ${invoice.number}.`);
    pdf.paragraph(`By check: make it payable to ${organization.checksPayableTo}, write the invoice number ${invoice.number} on it, and mail it to:`);
    pdf.paragraph(organization.paymentAddress.join("\n"));
    pdf.paragraph("Cash is not accepted. Pay by check or by credit card only.", { bold: true });
    pdf.paragraph("Your records are released once this invoice is paid.");
  }
  pdf.paragraph(`Questions about this invoice? Call ${organization.serviceName} at ${organization.questionsPhone}, ${organization.questionsHours}.`, { size: 9, muted: true });
  return pdf.finish();
}
