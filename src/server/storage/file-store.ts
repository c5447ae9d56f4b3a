/**
 * Where uploaded and generated files live. Contents are always encrypted before they reach the
 * store; the interface is small so an S3-compatible store can sit behind it later.
 */
export interface BlobStore {
  write(key: string, bytes: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export type StoredFile = {
  storageKey: string;
  sizeBytes: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
};

export class FileIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileIntegrityError";
  }
}
