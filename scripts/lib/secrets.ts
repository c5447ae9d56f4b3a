import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Secrets for a local run, generated once and kept (mode 600) in the git-ignored data folder. */
export type LocalSecrets = {
  databasePassword: string;
  fileEncryptionKey: string;
  authSecret: string;
  demoStaffPassword: string;
  /** The least-privileged app database role's password (scripts/lib/database-roles.ts). */
  appDatabasePassword: string;
  /** The audit chain's HMAC key (src/server/audit-chain.ts): outside the database. */
  auditHmacKey: string;
};

/** Secrets added after a data folder was first made are generated and saved on first use. */
const generators: { [K in keyof LocalSecrets]: () => string } = {
  databasePassword: () => randomBytes(18).toString("base64url"),
  fileEncryptionKey: () => randomBytes(32).toString("base64"),
  authSecret: () => randomBytes(32).toString("base64"),
  demoStaffPassword: () => `Demo-${randomBytes(9).toString("base64url")}`,
  appDatabasePassword: () => randomBytes(18).toString("base64url"),
  auditHmacKey: () => randomBytes(32).toString("base64"),
};

export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<LocalSecrets> = {};
  try {
    stored = JSON.parse(await readFile(file, "utf8")) as Partial<LocalSecrets>;
  } catch {
    stored = {};
  }
  const missing = (Object.keys(generators) as (keyof LocalSecrets)[]).filter((k) => typeof stored[k] !== "string" || !stored[k]);
  if (missing.length === 0) return stored as LocalSecrets;
  const secrets = { ...stored } as LocalSecrets;
  for (const k of missing) secrets[k] = generators[k]();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
