import { randomBytes } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";

// Configuration the server code reads (src/server/env.ts), pointed at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.SMTP_URL ??= "smtp://127.0.0.1:1";
process.env.AUTH_SECRET = randomBytes(32).toString("base64");
process.env.AUDIT_HMAC_KEY = randomBytes(32).toString("base64");
// A file store per test file: files run in parallel and some count what is on disk.
process.env.FILE_STORE_DIR = path.join(inject("dataDir"), `files-${randomBytes(6).toString("hex")}`);
process.env.FILE_ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.LOG_LEVEL = "silent";
