import { stripVTControlCharacters } from "node:util";

/**
 * Failures of the local runtime that a person can act on. Each carries one paragraph: what went
 * wrong and what to do. `npm start`, the end-to-end server and the integration tests' setup print
 * that paragraph instead of a stack trace (README, "Troubleshooting", lists every one).
 */
export class StartupError extends Error {
  override name = "StartupError";
}

/** The one paragraph to print for any error: a StartupError's own, else its message with where to look. */
export function describeFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `${message.trim() || "An unexpected error."} (This failure has no more specific explanation; run again with RC_DEBUG=1 to see where it came from.)`;
}

/** Under RC_DEBUG=1, the stack of an unexpected error (never printed otherwise). */
export function debugDetails(error: unknown): string | null {
  if (!process.env.RC_DEBUG || error instanceof StartupError) return null;
  return error instanceof Error && error.stack ? error.stack : null;
}

/**
 * A file-system error met while preparing `folder`, as a StartupError naming the folder, the
 * cause and the remedy (full disk, read-only file system, no permission). Other errors pass
 * through unchanged.
 */
export function explainFileError(error: unknown, folder: string, what: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new StartupError(
        `Could not ${what}: the disk holding ${folder} is full (${code}). Free some space there (or point RC_DATA_DIR at a folder on another disk) and start again.`,
      );
    case "EROFS":
      return new StartupError(
        `Could not ${what}: ${folder} is on a read-only file system (EROFS). Start from a checkout on a writable disk, or set RC_DATA_DIR to a writable folder.`,
      );
    case "EACCES":
    case "EPERM":
      return new StartupError(
        `Could not ${what}: no permission to write in ${folder} (${code}). Make it writable by the user running npm (${userName()}), or set RC_DATA_DIR to a folder that is.`,
      );
    default:
      return error;
  }
}

/** Words PostgreSQL prints for the same causes, read from initdb's or the server's output. */
export function explainPostgresOutput(output: string, folder: string, what: string): StartupError | null {
  if (/No space left on device|could not extend file|Disk quota exceeded/i.test(output)) {
    return new StartupError(
      `Could not ${what}: the disk holding ${folder} is full (PostgreSQL: "No space left on device"). Free some space there and start again.`,
    );
  }
  if (/Read-only file system/i.test(output)) {
    return new StartupError(`Could not ${what}: ${folder} is on a read-only file system. Start from a checkout on a writable disk, or set RC_DATA_DIR to a writable folder.`);
  }
  if (/Permission denied/i.test(output)) {
    const line = output.split("\n").find((l) => /Permission denied/i.test(l))?.trim() ?? "";
    return new StartupError(
      `Could not ${what}: PostgreSQL was refused access to a file or folder (${line.replace(/^\S+:\s*/, "")}). The server runs as ${userName()} unless you are root, when it runs as the user "postgres"; make ${folder} and its parent folders reachable by that user.`,
    );
  }
  return null;
}

function userName(): string {
  return process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? "?"}`;
}

/** Why a stage failed before its tests ran, in a paragraph, from what it printed. */
export function findCause(raw: string): string {
  const lines = stripVTControlCharacters(raw)
    .split("\n")
    .map((l) => l.replace(/^\s*\[WebServer\]\s?/, "").trimEnd());
  // The runtime's own explanation (npm start, the e2e server, the integration setup).
  const own = lines.find((l) => /Could not start\. /.test(l));
  if (own) return own.slice(own.indexOf("Could not start. ") + "Could not start. ".length).trim();
  const error = lines.findIndex((l) => /^\s*(?:\w*Error|Error)(?: \[\w+\])?: \S/.test(l));
  if (error >= 0) {
    return lines
      .slice(error, error + 3)
      .filter((l) => l.trim() && !/^\s*at /.test(l))
      .map((l) => l.trim())
      .join(" ");
  }
  const tail = lines.filter((l) => l.trim()).slice(-5);
  return tail.length ? `it printed no error; its last lines: ${tail.map((l) => l.trim()).join(" / ")}` : "it printed nothing.";
}
