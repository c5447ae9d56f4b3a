import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { type BlobStore, FileIntegrityError, type StoredFile } from "./file-store";

const MAGIC = Buffer.from("RCF1");
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM around any BlobStore. Layout: "RCF1" | 12-byte IV | ciphertext | 16-byte tag.
 * The storage key is the additional authenticated data, so a blob copied under another key fails
 * to decrypt; the plaintext SHA-256 is returned on write and checked on read.
 */
export class EncryptedFileStore {
  private readonly key: Buffer;

  constructor(
    private readonly blobs: BlobStore,
    key: Buffer,
  ) {
    if (key.length !== 32) throw new Error("The file encryption key must be 32 bytes");
    this.key = key;
  }

  async put(plaintext: Buffer): Promise<StoredFile> {
    const storageKey = randomBytes(24).toString("base64url");
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(storageKey));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    await this.blobs.write(storageKey, Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]));
    return { storageKey, sizeBytes: plaintext.length, sha256: sha256Hex(plaintext) };
  }

  /** Decrypts and checks the stored SHA-256 when given; throws FileIntegrityError on any mismatch. */
  async get(storageKey: string, expectedSha256?: string): Promise<Buffer> {
    const sealed = await this.blobs.read(storageKey);
    if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new FileIntegrityError("Stored file is not in the expected format");
    }
    const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const body = sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAAD(Buffer.from(storageKey));
    decipher.setAuthTag(tag);
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new FileIntegrityError("Stored file failed authentication");
    }
    if (expectedSha256 && sha256Hex(plaintext) !== expectedSha256) {
      throw new FileIntegrityError("Stored file does not match its recorded SHA-256");
    }
    return plaintext;
  }

  remove(storageKey: string): Promise<void> {
    return this.blobs.remove(storageKey);
  }
}

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
