import "server-only";
import path from "node:path";
import { env } from "../env";
import { EncryptedFileStore } from "./encrypted-store";
import { LocalBlobStore } from "./local-blob-store";

let store: EncryptedFileStore | undefined;

/** The application's file store: encrypted, on local disk under FILE_STORE_DIR. */
export function fileStore(): EncryptedFileStore {
  if (!store) {
    const e = env();
    store = new EncryptedFileStore(
      new LocalBlobStore(path.resolve(e.FILE_STORE_DIR)),
      Buffer.from(e.FILE_ENCRYPTION_KEY, "base64"),
    );
  }
  return store;
}
