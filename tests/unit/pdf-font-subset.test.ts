import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { FONT_FILES } from "@/server/pdf/fonts";
import { PdfWriter } from "@/server/pdf/layout";
import { pdfText } from "../support/pdf-text";

type Glyph = { id: number; bbox: { minX: number; minY: number; maxX: number; maxY: number }; advanceWidth: number };
type Font = { numGlyphs: number; getGlyph: (id: number) => Glyph; glyphsForString: (s: string) => Glyph[] };

const shape = (g: Glyph) => `${g.advanceWidth}:${g.bbox.minX},${g.bbox.minY},${g.bbox.maxX},${g.bbox.maxY}`;

describe("the embedded font subsets (docs/decisions/0019)", () => {
  it("hold every glyph intact, as FreeType-based readers (poppler, PDFium) read them: each glyph of the text is in the subset, none garbled", async () => {
    const text = "Authorization for Release — Łukasz Nguyễn, Zoë Größer-Ñúñez, Αλέξανδρος, Юлия Шевченко 0123456789";
    const pdf = await PdfWriter.create({ title: "t", subject: "s", footer: "f" });
    pdf.paragraph(text);
    const doc = await PDFDocument.load(await pdf.finish());
    const subsets: Font[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.lookup(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
      const file = object.lookup(PDFName.of("FontFile2"));
      if (file instanceof PDFRawStream) subsets.push(fontkit.create(Buffer.from(decodePDFRawStream(file).decode())) as unknown as Font);
    }
    expect(subsets).toHaveLength(2); // regular (the text) and bold (the footer has none: page numbers are regular)
    const original = fontkit.create(await readFile(FONT_FILES.regular)) as unknown as Font;
    const wanted = new Set(original.glyphsForString(text).map(shape));
    // The regular subset is the one holding the paragraph: every glyph of it decodes to a glyph of the text, and every glyph of the text is there.
    const regular = subsets.find((f) => f.numGlyphs > 20)!;
    const found = new Set(Array.from({ length: regular.numGlyphs - 1 }, (_, i) => shape(regular.getGlyph(i + 1))));
    for (const s of wanted) expect(found, s).toContain(s);
  });
});

describe("the text a reader copies, searches and reads aloud (ToUnicode)", () => {
  const drawn = async (text: string) => {
    const pdf = await PdfWriter.create({ title: "t", subject: "s", footer: "f" });
    pdf.paragraph(text);
    pdf.paragraph(text, { bold: true });
    return pdfText(await pdf.finish());
  };

  it("stays the text written in every later document, whatever earlier documents held (composite glyphs such as ':' share '.' by id)", { timeout: 60_000 }, async () => {
    const punctuation = "Total: $87.19; Cash is not accepted. Zoë … ¡Sí! ¿Qué? Ä Ö Ü ï ŀ · ;";
    // Earlier documents with composites first, then the text: every one reads back as written.
    for (const earlier of ["Ratio: ; … ä ö ü i j ! ? ¡ ¿ Ë Ï ŀ", "", "é è ê ë ç"]) {
      if (earlier) await drawn(earlier);
      const text = await drawn(punctuation);
      expect(text.replace(/\s+/g, " ")).toContain(`${punctuation} ${punctuation}`);
    }
  });
});
