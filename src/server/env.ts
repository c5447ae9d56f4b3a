import "server-only";
import { isIP } from "node:net";
import { z } from "zod";

/**
 * All configuration, read once from the environment and validated. Every variable is documented
 * in .env.example. Read lazily (first call), so `next build` needs none of them.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const emptyAsUnset = (v: unknown) => (v === "" ? undefined : v);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }),
  MAIL_FROM: z.string().min(3).default("Record Connect <no-reply@recordconnect.example>"),
  APP_URL: z.url().default("http://localhost:3000"),
  FILE_STORE_DIR: z.string().min(1).default(".data/files"),
  FILE_ENCRYPTION_KEY: z
    .string({ error: "FILE_ENCRYPTION_KEY is required: 32 random bytes, base64 (openssl rand -base64 32)" })
    .refine((v) => Buffer.from(v, "base64").length === 32, "FILE_ENCRYPTION_KEY must be 32 bytes, base64-encoded"),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required: 32+ random bytes, base64 (openssl rand -base64 32)" })
    .refine((v) => Buffer.from(v, "base64").length >= 32, "AUTH_SECRET must be at least 32 bytes, base64-encoded"),
  // The keyed audit chain (src/server/audit-chain.ts): the worker seals with this key; the web
  // server does not need it. Kept outside the database.
  AUDIT_HMAC_KEY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .refine((v) => Buffer.from(v, "base64").length >= 32, "AUDIT_HMAC_KEY must be at least 32 bytes, base64-encoded")
      .optional(),
  ),
  AUDIT_HEAD_FILE: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  AUDIT_SEAL_SECONDS: z.coerce.number().min(0.2).max(3600).default(5),
  RATE_LIMIT_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  // Portal sign-in codes asked for from one client address in 15 minutes (per confirmation number it stays 5).
  RATE_LIMIT_PORTAL_CODES_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(10),
  MAILBOX_DIR: z.string().min(1).optional(),
  MAILBOX_ENABLED: booleanString,
  // Proxies whose X-Forwarded-For is believed (comma-separated IPs/CIDRs); checked by src/server/client-address.ts.
  TRUSTED_PROXIES: z
    .string()
    .max(4000)
    .optional()
    .refine(
      (v) =>
        (v ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .every((entry) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry) && isIP(entry.split("/")[0]!) !== 0),
      "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.5,192.168.0.0/16",
    ),
  // Domains a staff account's e-mail may be at (comma-separated; src/domain/staff-email.ts).
  STAFF_EMAIL_DOMAINS: z
    .string()
    .max(2000)
    .optional()
    .refine((v) => (v ?? "").split(",").every((d) => d.trim() === "" || /^@?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(d.trim())), "STAFF_EMAIL_DOMAINS must be comma-separated domain names, e.g. recordconnect.example,clinic.example"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // The notification worker (src/server/notifications/worker.ts).
  NOTIFY_RETRY_DELAY_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
  NOTIFY_RETRY_MAX_DELAY_SECONDS: z.coerce.number().min(0.05).max(86_400).default(3600),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(20).default(2),
  NOTIFY_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Notifications one worker slot claims at once (one fetch of due jobs), delivered side by side over the pooled SMTP connections. */
  NOTIFY_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(50),
  /** SMTP connections the pooled transport keeps open, and messages sent on one before it is renewed. */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  SMTP_MAX_MESSAGES: z.coerce.number().int().min(1).max(100_000).default(500),
  /** PostgreSQL connections each process's Prisma client keeps (web server, worker). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  /**
   * Admission control of submissions (src/server/admission.ts): how many run at once (default:
   * the cores, at most half the database pool), how many may wait for a turn (default: as many)
   * and for how long before the busy answer.
   */
  SUBMIT_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(100).optional()),
  SUBMIT_QUEUE_LENGTH: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(1000).optional()),
  SUBMIT_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The development mailbox page: only when a mailbox exists and MAILBOX_ENABLED says so (`npm run
 * dev` sets it; `npm start` only if you do). Who may read it is checked by the page itself.
 */
export function mailboxEnabled(): boolean {
  const e = env();
  return !!e.MAILBOX_DIR && e.MAILBOX_ENABLED;
}
