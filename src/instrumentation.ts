/**
 * Runs once when the server starts. Next prints errors it catches with console.error, message
 * and all — and a message can carry PHI (a value echoed by a driver, a name in a thrown string).
 * Route the console through the redacting logger first (SECURITY.md §9).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installConsoleRedaction } = await import("./server/console-redaction");
    installConsoleRedaction();
  }
}

export async function onRequestError(error: unknown, request: { path: string; method: string; headers: Record<string, string | string[] | undefined> }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A lost database: the proxy answers 503 from the next request on, until a probe succeeds.
  const { isConnectionError, markDatabaseUnavailable } = await import("./server/database-availability");
  if (isConnectionError(error)) markDatabaseUnavailable();
  const { logger } = await import("./server/logger");
  const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : undefined;
  // The path's segments are opaque ids by design; the query string could carry anything.
  logger.error(
    { err: error, digest, method: request.method, route: request.path.split("?")[0], correlationId: request.headers["x-correlation-id"] },
    "request failed",
  );
}
