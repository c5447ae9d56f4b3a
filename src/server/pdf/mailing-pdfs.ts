import "server-only";
import { PDFDocument } from "pdf-lib";
import { formatDate, formatIsoDate } from "@/domain/format";
import { organization } from "@/domain/organization";
import { embedTextFonts } from "./fonts";
import { encodableText, PdfWriter } from "./layout";

export type MailingAddress = { name: string; line1: string; line2?: string | null; city: string; state: string; postalCode: string };

function addressLines(a: MailingAddress): string[] {
  return [a.name, a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.postalCode}`];
}

/** The cover letter that goes in the envelope with mailed records. */
export async function renderCoverLetter(input: { to: MailingAddress; confirmationNumber: string; pageCount: number; date: Date }): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Cover letter ${input.confirmationNumber}`, subject: "Records cover letter", footer: `${organization.name} · ${organization.serviceName}` });
  pdf.title(`${organization.name} · ${organization.serviceName}`, formatDate(input.date));
  for (const line of addressLines(input.to)) pdf.paragraph(line);
  pdf.rule();
  pdf.paragraph(`Re: your records request ${input.confirmationNumber}`, { bold: true });
  pdf.paragraph(
    `Enclosed are the medical records released under the authorization for request ${input.confirmationNumber}: ${input.pageCount} page${input.pageCount === 1 ? "" : "s"}. Please keep them in a safe place. Once released, records may be shared again by the person or organization that receives them, and federal privacy law may no longer protect them.`,
  );
  pdf.paragraph(`Questions? Call Record Connect at ${organization.questionsPhone}, ${organization.questionsHours}.`);
  return pdf.finish();
}

/** The written notice of an extension (45 CFR 164.524(b)(2)(ii)) for a requester without e-mail: the reason and the new date. */
export async function renderExtensionLetter(input: { to: MailingAddress; confirmationNumber: string; reason: string; newDueDay: string; date: Date }): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: `Extension notice ${input.confirmationNumber}`, subject: "Notice of extension", footer: `${organization.name} · ${organization.serviceName}` });
  pdf.title(`${organization.name} · ${organization.serviceName}`, formatDate(input.date));
  for (const line of addressLines(input.to)) pdf.paragraph(line);
  pdf.rule();
  pdf.paragraph(`Re: your records request ${input.confirmationNumber} — we need more time`, { bold: true });
  pdf.paragraph(`We are not able to complete your request within 30 days. Reason: ${input.reason}`);
  pdf.paragraph(`We will respond by ${formatIsoDate(input.newDueDay)}. The law allows us one extension of up to 30 days; this is it.`, { bold: true });
  pdf.paragraph(`Questions? Call Record Connect at ${organization.questionsPhone}, ${organization.questionsHours}.`);
  return pdf.finish();
}

/** A 4 × 2 inch mailing label. */
export async function renderMailingLabel(to: MailingAddress): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("Mailing label");
  const page = doc.addPage([288, 144]);
  const { regular: font, bold } = await embedTextFonts(doc);
  const safe = encodableText(font);
  page.drawText(safe(`${organization.serviceName}, ${organization.name}`), { x: 14, y: 124, size: 7, font });
  addressLines(to).forEach((line, i) => page.drawText(safe(line), { x: 28, y: 92 - i * 15, size: 12, font: i === 0 ? bold : font }));
  return doc.save();
}
