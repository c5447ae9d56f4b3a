import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { greyPng } from "./png";

/** A small, genuine PDF: a page of text (repeated on each page when there are more). */
export async function samplePdf(text = "Government ID scan", pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([300, 200]).drawText(pages > 1 ? `${text} (page ${i})` : text, { x: 20, y: 100, size: 12, font });
  return Buffer.from(await doc.save());
}

/** A PDF whose catalog runs JavaScript when opened. */
export async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]);
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: "app.alert('hi')" });
  doc.catalog.set(PDFName.of("OpenAction"), action);
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** An ELF executable's first bytes, dressed up as a PDF by name and declared type. */
export function executableNamedPdf(): File {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 0x90)]);
  return new File([elf], "drivers-license.pdf", { type: "application/pdf" });
}

export function fileOf(bytes: Buffer, name: string, type: string): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** A readable PNG photo (400×300) generated without any image library. */
export function photoPng(): Buffer {
  return greyPng(400, 300);
}
