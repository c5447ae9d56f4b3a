import "server-only";
import sharp from "sharp";

export const MAX_IMAGE_SIDE = 12_000;
export const MIN_IMAGE_SIDE = 200;
/** 50 megapixels: a 50 MP phone photo passes; decoding never needs more than ~150 MB of pixels. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type ImageMime = "image/jpeg" | "image/png";
export type ReencodedImage = { ok: true; bytes: Buffer } | { ok: false; message: string };

sharp.cache(false);

/**
 * Decodes a JPEG or PNG with libvips (sharp) and encodes its pixels again in the same format
 * (SECURITY.md §10). What is stored is only the picture: anything else the file carried — text
 * after the image data (polyglots), metadata (EXIF with GPS, XMP, comments), ancillary chunks —
 * is gone, and a file that merely starts like an image does not decode and is refused. The photo
 * is turned upright first, since its orientation tag goes with the metadata.
 */
export async function reencodeImage(bytes: Uint8Array, mime: ImageMime): Promise<ReencodedImage> {
  const unreadable = { ok: false as const, message: "The image could not be read. Take the photo again, or upload a PDF" };
  const options = { failOn: "error" as const, limitInputPixels: MAX_IMAGE_PIXELS, animated: false };
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(bytes, options).metadata();
    if (metadata.format !== (mime === "image/png" ? "png" : "jpeg")) return unreadable;
    ({ width, height } = metadata);
    if (metadata.orientation && metadata.orientation >= 5) [width, height] = [height, width];
  } catch (error) {
    return tooManyPixels(error) ? tooLarge : unreadable;
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return tooLarge;
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) return { ok: false, message: "The image is too small to read. Take a clearer photo" };
  try {
    const image = sharp(bytes, options).rotate();
    const output = mime === "image/png" ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: 90, chromaSubsampling: "4:4:4" });
    return { ok: true, bytes: await output.toBuffer() };
  } catch (error) {
    return tooManyPixels(error) ? tooLarge : unreadable;
  }
}

const tooLarge = { ok: false as const, message: "The image is too large in size. Take the photo at a lower resolution" };

function tooManyPixels(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}
