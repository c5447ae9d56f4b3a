import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadLocalSecrets } from "./secrets.ts";

/** What a process needs to join a running local runtime: where its database and SMTP server are. */
type RuntimeFile = { DATABASE_URL: string; SMTP_URL: string; APP_URL: string };

const fileOf = (dataDir: string) => path.join(dataDir, "runtime.json");

/** Written by `npm start` once its database and SMTP server run (mode 600: the URL holds the password); removed at stop. */
export async function writeRuntimeFile(dataDir: string, values: RuntimeFile): Promise<() => Promise<void>> {
  const file = fileOf(dataDir);
  await writeFile(file, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
  return () => rm(file, { force: true });
}

/**
 * The environment of the `npm start` running from this checkout (`npm run worker` with no
 * DATABASE_URL uses it), or null when none is running.
 */
export async function localRuntimeEnv(dataDir: string): Promise<Record<string, string> | null> {
  let values: RuntimeFile;
  try {
    values = JSON.parse(await readFile(fileOf(dataDir), "utf8")) as RuntimeFile;
  } catch {
    return null;
  }
  const secrets = await loadLocalSecrets(dataDir);
  return {
    ...values,
    FILE_STORE_DIR: process.env.FILE_STORE_DIR ?? path.join(dataDir, "files"),
    FILE_ENCRYPTION_KEY: process.env.FILE_ENCRYPTION_KEY ?? secrets.fileEncryptionKey,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.authSecret,
  };
}
