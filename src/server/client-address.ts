import "server-only";

/** The client's address as our front proxy (or Next itself) reports it: the key for per-client limits. */
export function clientAddress(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
