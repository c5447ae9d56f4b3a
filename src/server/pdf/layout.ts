import { type PDFFont, type PDFForm, type PDFImage, type PDFPage, PDFDocument, PDFHexString, PDFName, rgb } from "pdf-lib";
import { feeStatement, requiredStatements } from "@/domain/labels";
import { embedTextFonts } from "./fonts";

export const PAGE = { width: 612, height: 792 }; // US Letter, points
export const MARGIN = 54;
/** The lowest a block may reach: the footer (page number) sits below it. */
export const CONTENT_BOTTOM = MARGIN + 24;
const CONTENT_TOP = PAGE.height - MARGIN;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.37, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);
const FIELD_BORDER = rgb(0.45, 0.47, 0.5);
const FIELD_FILL = rgb(0.95, 0.97, 1);

/** Replaces the characters the font cannot encode with "?", keeping line breaks. */
export function encodableText(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => Array.from(text.normalize("NFC"), (ch) => (ch === "\n" || supported.has(ch.codePointAt(0)!) ? ch : "?")).join("");
}

/** The words of `feesAndStatements()`: two headings and the paragraphs under each. */
export type FeesAndStatementsWords = { feesHeading: string; fees: readonly string[]; statementsHeading: string; statements: readonly string[] };

const ENGLISH_FEES_AND_STATEMENTS: FeesAndStatementsWords = {
  feesHeading: "Fees",
  fees: [feeStatement.provider, feeStatement.others, feeStatement.invoice],
  statementsHeading: "Statements",
  statements: [`Right to revoke. ${requiredStatements.revocation}`, `No conditions. ${requiredStatements.noConditioning}`, `Redisclosure. ${requiredStatements.redisclosure}`, requiredStatements.copy],
};

/** What a placed mark occupies on its page (points, origin bottom left): the geometry tests read these. */
export type LayoutBox = {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: "text" | "image" | "field" | "signature-space";
  /** The text drawn (text), the caption (image), the field's name (field), the label (signature space). */
  content: string;
  /** The section (group) the mark belongs to: its index in `PdfLayout.sections`. */
  section: number;
};

/** A section of the document as placed: its title and the pages its marks landed on. */
export type LayoutSection = { title: string; firstPage: number; lastPage: number };
export type PdfLayout = { pageCount: number; boxes: LayoutBox[]; sections: LayoutSection[] };

type DrawContext = { page: PDFPage; pageNumber: number; form: PDFForm; box: (box: Omit<LayoutBox, "page" | "section">) => void };

/** One unbreakable piece of the document: its height, and how to draw it with its top at `top`. */
type Block = { height: number; keepWithNext: boolean; draw: (ctx: DrawContext, top: number) => void };

/** A section: a heading and what follows it, up to the next heading. Placed on one page whenever it fits on one. */
type Group = { title: string; blocks: Block[] };

export type FieldSpec = { name: string; label: string; width?: number; lines?: number };
export type ChoiceSpec = { value: string; label: string };

/**
 * A small top-to-bottom document writer over pdf-lib: headings, wrapped paragraphs, label/value
 * rows, tables, images and — for the printable forms — fillable AcroForm fields (text fields,
 * check boxes, radio groups). Text is set in the embedded Noto Sans (fonts.ts: Latin with
 * Vietnamese, Greek, Cyrillic); a character it lacks is replaced by "?" rather than failing the
 * whole document.
 *
 * Writing only builds a list of blocks, each of a known height; `finish()` then places them. A
 * section (a heading and everything up to the next heading) never splits across pages: one that
 * does not fit on the rest of a page starts a new page. Only a section taller than a whole page is
 * split, between blocks, a heading never left at the bottom of a page without what follows it.
 * `keepRestTogether()` makes everything from the next heading to the end one section (the signing
 * block of a signed form), so a document never ends on a page holding a trailing line or two.
 * Every mark placed is recorded as a box (`layout()`), so tests check the geometry: nothing
 * overlaps, each section on one page.
 */
export class PdfWriter {
  private readonly groups: Group[] = [{ title: "(top)", blocks: [] }];
  private holdRest: "no" | "next-heading" | "holding" = "no";
  private readonly fieldNames = new Set<string>();
  /** Text widths already measured (fontkit lays out each string it measures: the costly part). */
  private readonly widths = new Map<string, number>();
  private placed: PdfLayout | null = null;
  /** Replaces characters the font cannot encode. */
  readonly safe: (text: string) => string;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
    private readonly pageLabel: (page: number, pages: number) => string,
  ) {
    this.safe = encodableText(regular);
  }

  /**
   * `pageLabel` words the footer's page number ("Page 2 of 3" unless given); `language` (a BCP 47
   * tag such as "es-US") is recorded as the document's language, which screen readers use.
   */
  static async create(options: { title: string; subject: string; footer: string; pageLabel?: (page: number, pages: number) => string; language?: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(options.title);
    doc.setSubject(options.subject);
    if (options.language) doc.setLanguage(options.language);
    doc.setProducer("Record Connect Requests");
    doc.setCreator("Record Connect Requests");
    const { regular, bold } = await embedTextFonts(doc);
    return new PdfWriter(doc, regular, bold, options.footer, options.pageLabel ?? ((page, pages) => `Page ${page} of ${pages}`));
  }

  // ───────────── measuring ─────────────

  private metrics(font: PDFFont, size: number) {
    const ascent = font.heightAtSize(size, { descender: false });
    const descent = font.heightAtSize(size) - ascent;
    return { ascent, descent, pitch: Math.max(size + 4, Math.ceil(ascent + descent)) };
  }

  private width(font: PDFFont, text: string, size: number): number {
    const key = `${font === this.bold ? "b" : "r"}${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) this.widths.set(key, (w = font.widthOfTextAtSize(text, size)));
    return w;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.safe(text).split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.width(font, candidate, size) <= width) line = candidate;
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

  /** Draws lines of text from `top` down, recording each line's box; returns the height used. */
  private drawLines(ctx: DrawContext, top: number, x: number, lines: readonly string[], font: PDFFont, size: number, color = INK): number {
    const { ascent, descent, pitch } = this.metrics(font, size);
    lines.forEach((line, i) => {
      if (!line) return;
      const baseline = top - ascent - i * pitch;
      ctx.page.drawText(line, { x, y: baseline, size, font, color });
      ctx.box({ x, y: baseline - descent, width: this.width(font, line, size), height: ascent + descent, kind: "text", content: line });
    });
    return lines.length * pitch;
  }

  private add(block: { height: number; keepWithNext?: boolean; draw: Block["draw"] }) {
    if (this.placed) throw new Error("The document is already finished");
    this.groups[this.groups.length - 1]!.blocks.push({ keepWithNext: false, ...block });
  }

  /** Starts a new section (unless the rest of the document is being kept together). */
  private startSection(title: string) {
    if (this.holdRest === "holding") return;
    if (this.holdRest === "next-heading") this.holdRest = "holding";
    const last = this.groups[this.groups.length - 1]!;
    if (last.blocks.length === 0) last.title = title;
    else this.groups.push({ title, blocks: [] });
  }

  /** From the next heading to the end of the document: one section, kept on one page when it fits (the signing block). */
  keepRestTogether() {
    if (this.holdRest === "no") this.holdRest = "next-heading";
  }

  private vspace(height: number) {
    this.add({ height, draw: () => {} });
  }

  // ───────────── text ─────────────

  title(text: string, subtitle?: string) {
    this.startSection(text);
    const lines = this.wrap(text, this.bold, 17, CONTENT_WIDTH);
    const subLines = subtitle ? this.wrap(subtitle, this.regular, 10.5, CONTENT_WIDTH) : [];
    const height = lines.length * this.metrics(this.bold, 17).pitch + subLines.length * this.metrics(this.regular, 10.5).pitch + 4;
    this.add({
      height,
      keepWithNext: true,
      draw: (ctx, top) => {
        const used = this.drawLines(ctx, top, MARGIN, lines, this.bold, 17);
        this.drawLines(ctx, top - used, MARGIN, subLines, this.regular, 10.5, MUTED);
      },
    });
    this.rule();
  }

  heading(text: string) {
    this.startSection(text);
    const lines = this.wrap(text, this.bold, 12.5, CONTENT_WIDTH);
    const pitch = this.metrics(this.bold, 12.5).pitch;
    this.add({ height: 8 + lines.length * pitch + 4, keepWithNext: true, draw: (ctx, top) => void this.drawLines(ctx, top - 8, MARGIN, lines, this.bold, 12.5) });
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; muted?: boolean } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const { pitch } = this.metrics(font, size);
    const lines = this.wrap(text, font, size, CONTENT_WIDTH);
    // Lines are their own blocks (a long paragraph may split), the last keeping the gap after it.
    lines.forEach((line, i) =>
      this.add({ height: pitch + (i === lines.length - 1 ? 4 : 0), draw: (ctx, top) => void this.drawLines(ctx, top, MARGIN, [line], font, size, options.muted ? MUTED : INK) }),
    );
  }

  /** A label in the left column, its value wrapped in the right one. */
  row(label: string, value: string | null | undefined) {
    const size = 10;
    const labelWidth = 170;
    const valueWidth = CONTENT_WIDTH - labelWidth - 10;
    const labelLines = this.wrap(label, this.bold, size, labelWidth);
    const valueLines = this.wrap(value && value.trim() ? value : "—", this.regular, size, valueWidth);
    const pitch = Math.max(this.metrics(this.bold, size).pitch, this.metrics(this.regular, size).pitch);
    this.add({
      height: Math.max(labelLines.length, valueLines.length) * pitch + 4,
      draw: (ctx, top) => {
        this.drawLines(ctx, top, MARGIN, labelLines, this.bold, size, MUTED);
        this.drawLines(ctx, top, MARGIN + labelWidth + 10, valueLines, this.regular, size);
      },
    });
  }

  /** An image in a frame, its caption under it; the frame and caption never share a line with anything else. */
  image(image: PDFImage, maxWidth: number, maxHeight: number, caption?: string) {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const w = image.width * scale;
    const h = image.height * scale;
    const captionLines = caption ? this.wrap(caption, this.regular, 9, CONTENT_WIDTH) : [];
    const captionHeight = captionLines.length * this.metrics(this.regular, 9).pitch;
    this.add({
      height: 4 + h + 16 + 4 + captionHeight + 6,
      draw: (ctx, top) => {
        const frameTop = top - 4;
        ctx.page.drawRectangle({ x: MARGIN, y: frameTop - h - 16, width: w + 16, height: h + 16, borderColor: RULE, borderWidth: 1 });
        ctx.page.drawImage(image, { x: MARGIN + 8, y: frameTop - 8 - h, width: w, height: h });
        ctx.box({ x: MARGIN, y: frameTop - h - 16, width: w + 16, height: h + 16, kind: "image", content: caption ?? "image" });
        this.drawLines(ctx, frameTop - h - 16 - 4, MARGIN, captionLines, this.regular, 9, MUTED);
      },
    });
  }

  /** A label over an empty line to write on (paper only; the printable forms use `field`). */
  blank(label: string, lines = 1) {
    const size = 9.5;
    const labelLines = this.wrap(label, this.bold, size, CONTENT_WIDTH);
    const labelHeight = labelLines.length * this.metrics(this.bold, size).pitch;
    this.add({
      height: labelHeight + lines * 20 + 8,
      draw: (ctx, top) => {
        this.drawLines(ctx, top, MARGIN, labelLines, this.bold, size, MUTED);
        for (let i = 1; i <= lines; i++) {
          const y = top - labelHeight - i * 20;
          ctx.page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE.width - MARGIN, y }, thickness: 0.6, color: RULE });
        }
      },
    });
  }

  /** The fee rules and the three required statements (RULES.md §1, §2), as on the form. */
  /** The fee and required statements (an authorization): in English unless the words are given (from the catalogue). */
  feesAndStatements(words: FeesAndStatementsWords = ENGLISH_FEES_AND_STATEMENTS) {
    this.heading(words.feesHeading);
    for (const line of words.fees) this.paragraph(line);
    this.heading(words.statementsHeading);
    for (const line of words.statements) this.paragraph(line);
  }

  /**
   * A table: a bold header row and rows of cells, each column with its width (points) and
   * alignment; the first column wraps, the others are one line. Rows break across pages.
   */
  table(columns: readonly { header: string; width: number; align?: "left" | "right" }[], rows: readonly (readonly string[])[], options: { boldLastRow?: boolean } = {}) {
    const size = 9.5;
    const gap = 8;
    const tableRow = (cells: readonly string[], bold: boolean, keepWithNext = false) => {
      const font = bold ? this.bold : this.regular;
      const first = this.wrap(cells[0] ?? "", font, size, columns[0]!.width);
      const { pitch } = this.metrics(font, size);
      this.add({
        height: first.length * pitch + 4,
        keepWithNext,
        draw: (ctx, top) => {
          let x = MARGIN;
          columns.forEach((column, i) => {
            const lines = i === 0 ? first : [this.safe(cells[i] ?? "")];
            const width = Math.max(...lines.map((line) => this.width(font, line, size)));
            this.drawLines(ctx, top, column.align === "right" ? x + column.width - width : x, lines, font, size);
            x += column.width + gap;
          });
        },
      });
    };
    tableRow(columns.map((c) => c.header), true, true);
    this.rule(true);
    rows.forEach((cells, i) => tableRow(cells, options.boldLastRow === true && i === rows.length - 1));
  }

  rule(keepWithNext = false) {
    this.add({
      height: 10,
      keepWithNext,
      draw: (ctx, top) => ctx.page.drawLine({ start: { x: MARGIN, y: top - 4 }, end: { x: PAGE.width - MARGIN, y: top - 4 }, thickness: 0.75, color: RULE }),
    });
  }

  // ───────────── fillable form fields (printable forms) ─────────────

  private claimFieldName(name: string) {
    if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(name)) throw new Error(`Field name ${name} must be dotted identifiers`);
    if (this.fieldNames.has(name)) throw new Error(`Field ${name} is defined twice`);
    this.fieldNames.add(name);
  }

  /** The label a screen reader or a reader's tooltip gives the field (TU). */
  private static describe(dict: { set: (key: PDFName, value: PDFHexString) => void }, label: string) {
    dict.set(PDFName.of("TU"), PDFHexString.fromText(label));
  }

  /**
   * Text fields side by side on one line, each under its label (a single field takes the whole
   * width unless given one). `lines` > 1 makes a multi-line field.
   */
  fields(...specs: FieldSpec[]) {
    const size = 9;
    const gap = 12;
    specs.forEach((s) => this.claimFieldName(s.name));
    const free = CONTENT_WIDTH - gap * (specs.length - 1) - specs.reduce((sum, s) => sum + (s.width ?? 0), 0);
    const flexible = specs.filter((s) => s.width === undefined).length;
    const widths = specs.map((s) => s.width ?? free / flexible);
    const labels = specs.map((s, i) => this.wrap(s.label, this.bold, size, widths[i]!));
    const labelHeight = Math.max(...labels.map((l) => l.length)) * this.metrics(this.bold, size).pitch;
    const boxHeight = Math.max(...specs.map((s) => ((s.lines ?? 1) > 1 ? (s.lines ?? 1) * 13 + 6 : 18)));
    this.add({
      height: labelHeight + 2 + boxHeight + 8,
      draw: (ctx, top) => {
        let x = MARGIN;
        specs.forEach((spec, i) => {
          this.drawLines(ctx, top, x, labels[i]!, this.bold, size, MUTED);
          const multiline = (spec.lines ?? 1) > 1;
          const height = multiline ? (spec.lines ?? 1) * 13 + 6 : 18;
          const y = top - labelHeight - 2 - height;
          const field = ctx.form.createTextField(spec.name);
          if (multiline) field.enableMultiline();
          field.addToPage(ctx.page, { x, y, width: widths[i]!, height, borderColor: FIELD_BORDER, backgroundColor: FIELD_FILL, borderWidth: 0.75 });
          field.setFontSize(10);
          PdfWriter.describe(field.acroField.dict, spec.label);
          ctx.box({ x, y, width: widths[i]!, height, kind: "field", content: spec.name });
          x += widths[i]! + gap;
        });
      },
    });
  }

  /** A check box (a fillable field) with its label wrapped beside it. */
  checkbox(name: string, label: string) {
    this.claimFieldName(name);
    const size = 10;
    const lines = this.wrap(label, this.regular, size, CONTENT_WIDTH - 20);
    const { pitch, ascent } = this.metrics(this.regular, size);
    this.add({
      height: lines.length * pitch + 4,
      draw: (ctx, top) => {
        const boxTop = top - (ascent - size) - 1;
        const box = ctx.form.createCheckBox(name);
        box.addToPage(ctx.page, { x: MARGIN, y: boxTop - 11, width: 11, height: 11, borderColor: INK, borderWidth: 0.8 });
        PdfWriter.describe(box.acroField.dict, label);
        ctx.box({ x: MARGIN, y: boxTop - 11, width: 11, height: 11, kind: "field", content: name });
        this.drawLines(ctx, top, MARGIN + 18, lines, this.regular, size);
      },
    });
  }

  /** A radio group (a fillable field: one choice), each choice with its label; `selected` is chosen to start with. */
  radioGroup(name: string, label: string, choices: readonly ChoiceSpec[], options: { selected?: string } = {}) {
    this.claimFieldName(name);
    const size = 10;
    const { pitch, ascent } = this.metrics(this.regular, size);
    const labelLines = this.wrap(label, this.bold, 9.5, CONTENT_WIDTH);
    const labelHeight = labelLines.length * this.metrics(this.bold, 9.5).pitch + 2;
    const choiceLines = choices.map((c) => this.wrap(c.label, this.regular, size, CONTENT_WIDTH - 20));
    // The group's label and its first choice stay together; each further choice is its own block.
    let group: ReturnType<PDFForm["createRadioGroup"]> | null = null;
    const groupOf = (ctx: DrawContext) => {
      if (!group) {
        group = ctx.form.createRadioGroup(name);
        PdfWriter.describe(group.acroField.dict, label);
      }
      return group;
    };
    choices.forEach((choice, i) => {
      const lines = choiceLines[i]!;
      const head = i === 0 ? labelHeight : 0;
      this.add({
        height: head + lines.length * pitch + 4,
        keepWithNext: i < choices.length - 1,
        draw: (ctx, top) => {
          if (i === 0) this.drawLines(ctx, top, MARGIN, labelLines, this.bold, 9.5, MUTED);
          const lineTop = top - head;
          const boxTop = lineTop - (ascent - size) - 1;
          const radio = groupOf(ctx);
          radio.addOptionToPage(choice.value, ctx.page, { x: MARGIN, y: boxTop - 11, width: 11, height: 11, borderColor: INK, borderWidth: 0.8 });
          ctx.box({ x: MARGIN, y: boxTop - 11, width: 11, height: 11, kind: "field", content: `${name}=${choice.value}` });
          this.drawLines(ctx, lineTop, MARGIN + 18, lines, this.regular, size);
          if (i === choices.length - 1 && options.selected) radio.select(options.selected);
        },
      });
    });
  }

  /**
   * A space to sign by hand (or with a PDF reader's signing tool), and beside it the date as a
   * fillable field. Signatures are never form fields a keyboard can fill.
   */
  signatureLine(label: string, dateField: { name: string; label: string }) {
    this.claimFieldName(dateField.name);
    const size = 9;
    const dateWidth = 130;
    const signWidth = CONTENT_WIDTH - dateWidth - 16;
    const labelLines = this.wrap(label, this.bold, size, signWidth);
    const dateLines = this.wrap(dateField.label, this.bold, size, dateWidth);
    const labelHeight = Math.max(labelLines.length, dateLines.length) * this.metrics(this.bold, size).pitch;
    const space = 34;
    this.add({
      height: labelHeight + 2 + space + 10,
      draw: (ctx, top) => {
        this.drawLines(ctx, top, MARGIN, labelLines, this.bold, size, MUTED);
        const y = top - labelHeight - 2 - space;
        ctx.page.drawRectangle({ x: MARGIN, y, width: signWidth, height: space, borderColor: FIELD_BORDER, borderWidth: 0.75 });
        ctx.box({ x: MARGIN, y, width: signWidth, height: space, kind: "signature-space", content: label });
        const dx = MARGIN + signWidth + 16;
        this.drawLines(ctx, top, dx, dateLines, this.bold, size, MUTED);
        const field = ctx.form.createTextField(dateField.name);
        field.addToPage(ctx.page, { x: dx, y: y + space - 18, width: dateWidth, height: 18, borderColor: FIELD_BORDER, backgroundColor: FIELD_FILL, borderWidth: 0.75 });
        field.setFontSize(10);
        PdfWriter.describe(field.acroField.dict, dateField.label);
        ctx.box({ x: dx, y: y + space - 18, width: dateWidth, height: 18, kind: "field", content: dateField.name });
      },
    });
  }

  /** Extra space before what follows. */
  space(height: number) {
    this.vspace(height);
  }

  // ───────────── placing ─────────────

  /** Places every block on pages (once); the boxes and sections say where everything went. */
  layout(): PdfLayout {
    if (this.placed) return this.placed;
    const doc = this.doc;
    const boxes: LayoutBox[] = [];
    const sections: LayoutSection[] = [];
    let page!: PDFPage;
    let pageNumber = 0;
    let y = CONTENT_TOP;
    const newPage = () => {
      page = this.doc.addPage([PAGE.width, PAGE.height]);
      pageNumber += 1;
      y = CONTENT_TOP;
    };
    newPage();
    const full = CONTENT_TOP - CONTENT_BOTTOM;
    this.groups.forEach((group) => {
      if (group.blocks.length === 0) return;
      const height = group.blocks.reduce((sum, b) => sum + b.height, 0);
      if (height > y - CONTENT_BOTTOM && y < CONTENT_TOP) newPage();
      const firstPage = pageNumber;
      group.blocks.forEach((block, i) => {
        if (height > full) {
          // Taller than a page: break between blocks, never after a block that keeps with the next.
          let run = block.height;
          for (let j = i; j < group.blocks.length - 1 && group.blocks[j]!.keepWithNext; j++) run += group.blocks[j + 1]!.height;
          const needed = Math.min(run, full);
          const startsRun = i === 0 || !group.blocks[i - 1]!.keepWithNext;
          if ((startsRun && needed > y - CONTENT_BOTTOM) || block.height > y - CONTENT_BOTTOM) {
            if (y < CONTENT_TOP) newPage();
          }
        }
        const ctx: DrawContext = {
          page,
          pageNumber,
          // Only a document with fields gets an AcroForm.
          get form() {
            return doc.getForm();
          },
          box: (b) => void boxes.push({ ...b, page: pageNumber, section: sections.length }),
        };
        block.draw(ctx, y);
        y -= block.height;
      });
      sections.push({ title: group.title, firstPage, lastPage: pageNumber });
    });
    this.placed = { pageCount: pageNumber, boxes, sections };
    return this.placed;
  }

  async finish(): Promise<Uint8Array> {
    const { pageCount } = this.layout();
    this.doc.getPages().forEach((page, i) => {
      const text = this.safe(`${this.footer} · ${this.pageLabel(i + 1, pageCount)}`);
      page.drawText(text, { x: MARGIN, y: MARGIN - 20, size: 8.5, font: this.regular, color: MUTED });
    });
    return this.doc.save({ useObjectStreams: false });
  }

  /** The PDF and where everything went (for tests and the benchmark). */
  async finishWithLayout(): Promise<{ bytes: Uint8Array; layout: PdfLayout }> {
    const bytes = await this.finish();
    return { bytes, layout: this.placed! };
  }
}
