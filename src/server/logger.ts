import "server-only";
import pino from "pino";
import { redactPhi } from "@/domain/redaction";

/**
 * Structured JSON logs. Whatever object is logged passes through redactPhi first, so a PHI field
 * that slips into a log call comes out as "[redacted]" (SECURITY.md §9). Log ids and outcomes,
 * never values a person typed.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "record-connect" },
  timestamp: pino.stdTimeFunctions.isoTime,
  serializers: { err: (e: unknown) => redactPhi(e), error: (e: unknown) => redactPhi(e) },
  formatters: {
    log: (object) => redactPhi(object) as Record<string, unknown>,
  },
});
