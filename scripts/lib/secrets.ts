import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Secrets for a local run, generated once and kept (mode 600) in the git-ignored data folder. */
export type LocalSecrets = {
  databasePassword: string;
  fileEncryptionKey: string;
  authSecret: string;
  demoStaffPassword: string;
};

export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(await readFile(file, "utf8")) as LocalSecrets;
  } catch {
    const secrets: LocalSecrets = {
      databasePassword: randomBytes(18).toString("base64url"),
      fileEncryptionKey: randomBytes(32).toString("base64"),
      authSecret: randomBytes(32).toString("base64"),
      demoStaffPassword: `Demo-${randomBytes(9).toString("base64url")}`,
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    return secrets;
  }
}
