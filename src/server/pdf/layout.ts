import { type PDFFont, type PDFImage, type PDFPage, PDFDocument, rgb } from "pdf-lib";
import { feeStatement, requiredStatements } from "@/domain/labels";
import { embedTextFonts } from "./fonts";

const PAGE = { width: 612, height: 792 }; // US Letter, points
const MARGIN = 54;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.37, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);

/** Replaces the characters the font cannot encode with "?", keeping line breaks. */
export function encodableText(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => Array.from(text.normalize("NFC"), (ch) => (ch === "\n" || supported.has(ch.codePointAt(0)!) ? ch : "?")).join("");
}

/**
 * A small top-to-bottom document writer over pdf-lib: headings, wrapped paragraphs, label/value
 * rows and images, with automatic page breaks and page numbers. Text is set in the embedded
 * Noto Sans (fonts.ts: Latin with Vietnamese, Greek, Cyrillic); a character it lacks is replaced
 * by "?" rather than failing the whole document.
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];
  /** Replaces characters the font cannot encode. */
  readonly safe: (text: string) => string;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.safe = encodableText(regular);
    this.addPage();
  }

  static async create(options: { title: string; subject: string; footer: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(options.title);
    doc.setSubject(options.subject);
    doc.setProducer("Record Connect Requests");
    doc.setCreator("Record Connect Requests");
    const { regular, bold } = await embedTextFonts(doc);
    return new PdfWriter(doc, regular, bold, options.footer);
  }

  private addPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN;
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN + 24) this.addPage();
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.safe(text).split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          if (line) lines.push(line);
          line = word;
          while (font.widthOfTextAtSize(line, size) > width) {
            // a single word longer than the line: cut it
            let cut = line.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
            lines.push(line.slice(0, cut));
            line = line.slice(cut);
          }
        }
      }
      lines.push(line);
    }
    return lines;
  }

  title(text: string, subtitle?: string) {
    this.ensure(50);
    this.page.drawText(this.safe(text), { x: MARGIN, y: this.y - 18, size: 17, font: this.bold, color: INK });
    this.y -= 26;
    if (subtitle) {
      this.page.drawText(this.safe(subtitle), { x: MARGIN, y: this.y - 11, size: 10.5, font: this.regular, color: MUTED });
      this.y -= 18;
    }
    this.rule();
  }

  heading(text: string) {
    this.ensure(40);
    this.y -= 8;
    this.page.drawText(this.safe(text), { x: MARGIN, y: this.y - 12, size: 12.5, font: this.bold, color: INK });
    this.y -= 20;
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; muted?: boolean } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    for (const line of this.wrap(text, font, size, PAGE.width - 2 * MARGIN)) {
      this.ensure(size + 4);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: options.muted ? MUTED : INK });
      this.y -= size + 4;
    }
    this.y -= 4;
  }

  /** A label in the left column, its value wrapped in the right one. */
  row(label: string, value: string | null | undefined) {
    const size = 10;
    const labelWidth = 170;
    const valueWidth = PAGE.width - 2 * MARGIN - labelWidth - 10;
    const labelLines = this.wrap(label, this.bold, size, labelWidth);
    const valueLines = this.wrap(value && value.trim() ? value : "—", this.regular, size, valueWidth);
    const height = Math.max(labelLines.length, valueLines.length) * (size + 4);
    this.ensure(height);
    labelLines.forEach((line, i) =>
      this.page.drawText(line, { x: MARGIN, y: this.y - size - i * (size + 4), size, font: this.bold, color: MUTED }),
    );
    valueLines.forEach((line, i) =>
      this.page.drawText(line, { x: MARGIN + labelWidth + 10, y: this.y - size - i * (size + 4), size, font: this.regular, color: INK }),
    );
    this.y -= height + 4;
  }

  image(image: PDFImage, maxWidth: number, maxHeight: number, caption?: string) {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const w = image.width * scale;
    const h = image.height * scale;
    this.ensure(h + 24);
    this.page.drawRectangle({ x: MARGIN, y: this.y - h - 8, width: w + 16, height: h + 16, borderColor: RULE, borderWidth: 1 });
    this.page.drawImage(image, { x: MARGIN + 8, y: this.y - h, width: w, height: h });
    this.y -= h + 20;
    if (caption) this.paragraph(caption, { size: 9, muted: true });
  }

  /** A label over an empty line to write on (printable forms). */
  blank(label: string, lines = 1) {
    const size = 9.5;
    this.ensure(size + 8 + lines * 20);
    this.page.drawText(this.safe(label), { x: MARGIN, y: this.y - size, size, font: this.bold, color: MUTED });
    this.y -= size + 4;
    for (let i = 0; i < lines; i++) {
      this.y -= 18;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE.width - MARGIN, y: this.y }, thickness: 0.6, color: RULE });
    }
    this.y -= 8;
  }

  /** An empty box to tick, with its label wrapped beside it (printable forms). */
  checkbox(label: string) {
    const size = 10;
    const lines = this.wrap(label, this.regular, size, PAGE.width - 2 * MARGIN - 20);
    this.ensure(lines.length * (size + 4) + 4);
    this.page.drawRectangle({ x: MARGIN, y: this.y - size - 1, width: 10, height: 10, borderColor: INK, borderWidth: 0.8 });
    lines.forEach((line, i) => this.page.drawText(line, { x: MARGIN + 18, y: this.y - size - i * (size + 4), size, font: this.regular, color: INK }));
    this.y -= lines.length * (size + 4) + 4;
  }

  /** The fee rules and the three required statements (RULES.md §1, §2), as on the form. */
  feesAndStatements() {
    this.heading("Fees");
    this.paragraph(feeStatement.provider);
    this.paragraph(feeStatement.others);
    this.paragraph(feeStatement.invoice);
    this.heading("Statements");
    this.paragraph(`Right to revoke. ${requiredStatements.revocation}`);
    this.paragraph(`No conditions. ${requiredStatements.noConditioning}`);
    this.paragraph(`Redisclosure. ${requiredStatements.redisclosure}`);
    this.paragraph(requiredStatements.copy);
  }

  /**
   * A table: a bold header row and rows of cells, each column with its width (points) and
   * alignment; the first column wraps, the others are one line. Rows break across pages.
   */
  table(columns: readonly { header: string; width: number; align?: "left" | "right" }[], rows: readonly (readonly string[])[], options: { boldLastRow?: boolean } = {}) {
    const size = 9.5;
    const gap = 8;
    const drawRow = (cells: readonly string[], bold: boolean) => {
      const font = bold ? this.bold : this.regular;
      const first = this.wrap(cells[0] ?? "", font, size, columns[0]!.width);
      const height = first.length * (size + 4);
      this.ensure(height + 4);
      let x = MARGIN;
      columns.forEach((column, i) => {
        const lines = i === 0 ? first : [this.safe(cells[i] ?? "")];
        lines.forEach((line, j) => {
          const width = font.widthOfTextAtSize(line, size);
          const left = column.align === "right" ? x + column.width - width : x;
          this.page.drawText(line, { x: left, y: this.y - size - j * (size + 4), size, font, color: INK });
        });
        x += column.width + gap;
      });
      this.y -= height + 4;
    };
    drawRow(columns.map((c) => c.header), true);
    this.rule();
    rows.forEach((cells, i) => drawRow(cells, options.boldLastRow === true && i === rows.length - 1));
  }

  rule() {
    this.ensure(10);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 2 }, end: { x: PAGE.width - MARGIN, y: this.y - 2 }, thickness: 0.75, color: RULE });
    this.y -= 10;
  }

  async finish(): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = this.safe(`${this.footer} · Page ${i + 1} of ${total}`);
      page.drawText(text, { x: MARGIN, y: MARGIN - 20, size: 8.5, font: this.regular, color: MUTED });
    });
    return this.doc.save({ useObjectStreams: false });
  }
}
