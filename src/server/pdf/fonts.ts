import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * The text font of every PDF we make: Noto Sans (SIL Open Font License 1.1, from the
 * @expo-google-fonts/noto-sans package, which ships the TrueType files), embedded whole (a subset
 * lost glyphs in FreeType-based readers: docs/decisions/0019). The standard PDF fonts (Helvetica)
 * only encode Latin-1, so a name such as
 * Łukasz Nguyễn printed as "??ukasz Nguy?n" on a legal document; Noto Sans covers Latin (with
 * Vietnamese), Greek and Cyrillic. A character it lacks still becomes "?" (layout.ts).
 *
 * The files are read from node_modules beside the running app (as `npm start`, the tests and
 * the benchmark run it), once per process.
 */
const DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
export const FONT_FILES = { regular: path.join(DIR, "400Regular", "NotoSans_400Regular.ttf"), bold: path.join(DIR, "700Bold", "NotoSans_700Bold.ttf") } as const;

let bytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

/**
 * fontkit, parsing each font file once per process: pdf-lib asks fontkit to parse the font for
 * every document, and the parsed font's glyph and layout caches are most of the cost of setting
 * text. The font object is only read (each document makes its own subset), and JavaScript runs
 * one document's layout at a time, so sharing it is safe.
 */
const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    if (postscriptName) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data)));
    return font;
  },
};

function fontBytes() {
  bytes ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      bytes = undefined;
      throw error;
    },
  );
  return bytes;
}

export async function embedTextFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  doc.registerFontkit(cachingFontkit);
  const { regular, bold } = await fontBytes();
  // No glyph composition/decomposition (ccmp) or ligatures: every character keeps its own glyph,
  // so the text copied or searched in the PDF is the text written (with ccmp, "ị" became "i" and
  // a dot glyph, read back as "i.").
  const features = { ccmp: false, liga: false, clig: false, dlig: false };
  // Whole fonts, not subsets: fontkit's subsets of these files lose most glyphs in FreeType-based
  // readers (poppler: Evince, Okular; PDFium) — only pdf.js showed the text (docs/decisions/0019).
  return { regular: await doc.embedFont(regular, { subset: false, features }), bold: await doc.embedFont(bold, { subset: false, features }) };
}
