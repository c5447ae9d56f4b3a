import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * The text font of every PDF we make: Noto Sans (SIL Open Font License 1.1, from the
 * @expo-google-fonts/noto-sans package, which ships the TrueType files), embedded and subset to
 * the characters used (glyphs padded: `padSubsetGlyphs`). The standard PDF fonts (Helvetica) only
 * encode Latin-1, so a name such as
 * Łukasz Nguyễn printed as "??ukasz Nguy?n" on a legal document; Noto Sans covers Latin (with
 * Vietnamese), Greek and Cyrillic. A character it lacks still becomes "?" (layout.ts).
 *
 * The files are read from node_modules beside the running app (as `npm start`, the tests and
 * the benchmark run it), once per process.
 */
const DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
export const FONT_FILES = { regular: path.join(DIR, "400Regular", "NotoSans_400Regular.ttf"), bold: path.join(DIR, "700Bold", "NotoSans_700Bold.ttf") } as const;

let bytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

type Subset = { glyf: Uint8Array[]; offset: number; _addGlyph: (gid: number) => number };

/**
 * fontkit's TrueType subsets copy each glyph's bytes as they are, and then write the `loca` table
 * in its short format (offsets divided by 2) whenever the subset is small. Noto Sans stores many
 * glyphs with an odd length, so every glyph after the first odd one pointed half a byte off: PDF
 * readers built on FreeType (poppler: Evince, Okular; PDFium: Chrome) drew most letters blank,
 * while pdf.js, which repairs fonts, showed them (docs/decisions/0019). Padding each glyph to an
 * even length — as the TrueType specification asks for the short format — makes the offsets exact.
 */
function padSubsetGlyphs<F extends ReturnType<typeof fontkit.create>>(font: F): F {
  const withSubsets = font as unknown as { createSubset?: () => Subset };
  const createSubset = withSubsets.createSubset?.bind(font);
  if (!createSubset) return font;
  withSubsets.createSubset = () => {
    const subset = createSubset();
    const addGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = (gid: number) => {
      const index = addGlyph(gid);
      const bytes = subset.glyf[index]!;
      if (bytes.length % 2 === 1) {
        // fontkit's bundle has its own Buffer class, which its encoder insists on: use the glyph's.
        const FontkitBuffer = bytes.constructor as typeof Buffer;
        subset.glyf[index] = FontkitBuffer.concat([bytes, FontkitBuffer.alloc(1)]);
        subset.offset += 1;
      }
      return index;
    };
    return subset;
  };
  return font;
}

type GlyphWithCodePoints = { codePoints: number[] };

/**
 * fontkit caches a glyph object per glyph id with the characters it was first asked for. A subset
 * asks for the components of a composite glyph (":" is built from "." glyphs) by id alone, so with
 * the font shared across documents the "." glyph was cached with no characters, and every later
 * document's ToUnicode map read "." as nothing: "$87.19" was copied and searched as "$87 19" and
 * read aloud wrong, though drawn right. A glyph asked for again with its characters gets them.
 */
function rememberCodePoints<F extends ReturnType<typeof fontkit.create>>(font: F): F {
  const withGlyphs = font as unknown as { getGlyph?: (id: number, characters?: number[]) => GlyphWithCodePoints };
  const getGlyph = withGlyphs.getGlyph?.bind(font);
  if (!getGlyph) return font;
  withGlyphs.getGlyph = (id, characters = []) => {
    const glyph = getGlyph(id, characters);
    if (characters.length && !glyph.codePoints?.length) glyph.codePoints = characters;
    return glyph;
  };
  return font;
}

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
    if (postscriptName) return rememberCodePoints(padSubsetGlyphs(fontkit.create(data, postscriptName)));
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = rememberCodePoints(padSubsetGlyphs(fontkit.create(data)))));
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
  return { regular: await doc.embedFont(regular, { subset: true, features }), bold: await doc.embedFont(bold, { subset: true, features }) };
}
