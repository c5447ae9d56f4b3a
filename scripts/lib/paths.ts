import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Local runtime data (git-ignored): embedded Postgres, mailbox, file store, generated secrets. */
export const defaultDataDir = path.join(projectRoot, ".data");
