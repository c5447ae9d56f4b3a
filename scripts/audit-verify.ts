/**
 * `npm run audit:verify`: recomputes the keyed audit chain (src/server/audit-chain.ts) and checks
 * it against every head exported to AUDIT_HEAD_FILE. Prints each break — a changed event, a
 * deleted event, seals missing in the middle, the newest events deleted — and exits 1 when there
 * is any (0 when intact). Read-only: it needs a role that may SELECT (the app role will do).
 *
 * Configuration: DATABASE_URL, AUDIT_HMAC_KEY, AUDIT_HEAD_FILE. With no DATABASE_URL it checks the
 * local runtime of this checkout (`npm start`'s database, key and head file in .data/), starting
 * its embedded PostgreSQL for the check when `npm start` is not running.
 */
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { auditKey, readAuditHeads, verifyAuditLog } from "../src/server/audit-chain.ts";
import { provisionDatabase, type ProvisionedDatabase } from "./lib/database.ts";
import { defaultDataDir } from "./lib/paths.ts";
import { localRuntimeEnv } from "./lib/runtime-env.ts";
import { loadLocalSecrets } from "./lib/secrets.ts";

const dataDir = process.env.RC_DATA_DIR ?? defaultDataDir;
let databaseUrl = process.env.DATABASE_URL;
let keyBase64 = process.env.AUDIT_HMAC_KEY;
let headFile = process.env.AUDIT_HEAD_FILE;
let embedded: ProvisionedDatabase | null = null;

if (!databaseUrl) {
  const secrets = await loadLocalSecrets(dataDir);
  keyBase64 ??= secrets.auditHmacKey;
  headFile ??= path.join(dataDir, "audit-head.log");
  const running = await localRuntimeEnv(dataDir);
  if (running) {
    databaseUrl = running.DATABASE_URL;
  } else {
    embedded = await provisionDatabase({ dataDir, password: secrets.databasePassword });
    databaseUrl = embedded.url;
  }
}

let exitCode = 0;
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl! }) });
try {
  const key = auditKey(keyBase64);
  const heads = headFile ? await readAuditHeads(headFile) : [];
  const result = await verifyAuditLog(prisma, key, heads);
  console.log(`Audit chain: ${result.sealed} sealed events${result.head ? `, head seal ${result.head.seq} (event ${result.head.eventId})` : ""}.`);
  console.log(headFile ? `Exported heads checked: ${heads.length} (${headFile}).` : "No AUDIT_HEAD_FILE: deleted newest events cannot be detected.");
  if (result.unsealed > 0) console.log(`Not sealed yet: ${result.unsealed} events (the worker seals every few seconds).`);
  if (result.breaks.length === 0) {
    console.log("Intact: no event changed, deleted or missing.");
  } else {
    exitCode = 1;
    console.log(`BROKEN: ${result.breaks.length} problem${result.breaks.length === 1 ? "" : "s"}:`);
    for (const b of result.breaks) console.log(`  [${b.kind}] ${b.message}`);
  }
} catch (error) {
  exitCode = 2;
  console.error(`Could not verify the audit log: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await prisma.$disconnect();
  await embedded?.stop();
}
process.exit(exitCode);
