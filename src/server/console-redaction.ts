import "server-only";
import { redactPhi } from "@/domain/redaction";
import { logger } from "./logger";

let installed = false;

/**
 * console.error / console.warn go to the JSON logger, with every Error reduced to its kind, code
 * and stack frames (never its message). Strings pass as the message: they come from code, not users.
 */
export function installConsoleRedaction() {
  if (installed) return;
  installed = true;
  const forward = (level: "error" | "warn") => (...args: unknown[]) => {
    const errors = args.filter((a) => a instanceof Error).map((e) => redactPhi(e));
    const text = args
      .filter((a) => !(a instanceof Error))
      .map((a) => (typeof a === "string" ? a : JSON.stringify(redactPhi(a))))
      .join(" ")
      .trim();
    logger[level]({ ...(errors.length ? { errors } : {}), source: "console" }, text || `${level} logged`);
  };
  console.error = forward("error");
  console.warn = forward("warn");
}
