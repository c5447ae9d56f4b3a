import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { describeFailure, explainFileError, explainPostgresOutput, findCause, StartupError } from "../../scripts/lib/failures.ts";

describe("findCause: why a test stage ran no tests, from its output", () => {
  it("takes the runtime's own paragraph, through Playwright's [WebServer] prefix and colours", () => {
    const output = [
      "\u001b[2m[WebServer] [e2e-server] Database: embedded PostgreSQL started.\u001b[22m",
      "[WebServer] [e2e-server] Could not start. Port 3100 is already in use: another program listens on 127.0.0.1:3100. Stop it.",
      "Error: Process from config.webServer was not able to start. Exit code: 1",
    ].join("\n");
    expect(findCause(output)).toBe("Port 3100 is already in use: another program listens on 127.0.0.1:3100. Stop it.");
  });

  it("else the first error, without its stack", () => {
    const output = ["RUN v3", "Error: No Chromium found for the end-to-end tests.", "    at resolveChromium (file:///x/chromium.ts:17:9)", "    at y (z.js:1:1)"].join("\n");
    expect(findCause(output)).toBe("Error: No Chromium found for the end-to-end tests.");
  });

  it("else says it printed no error and quotes its last lines", () => {
    expect(findCause("one\ntwo\n")).toBe("it printed no error; its last lines: one / two");
    expect(findCause("")).toBe("it printed nothing.");
  });
});

describe("failures a person can act on", () => {
  it("a full disk, from a real ENOSPC (/dev/full), names the folder and the remedy", async () => {
    const error = await writeFile("/dev/full", "x").catch((e: unknown) => e);
    const explained = explainFileError(error, "/srv/rc/.data", "write the local data folder");
    expect(explained).toBeInstanceOf(StartupError);
    expect(describeFailure(explained)).toBe(
      "Could not write the local data folder: the disk holding /srv/rc/.data is full (ENOSPC). Free some space there (or point RC_DATA_DIR at a folder on another disk) and start again.",
    );
  });

  it("read-only and permission errors too; other errors pass through unchanged", () => {
    const erofs = Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
    expect(describeFailure(explainFileError(erofs, "/mnt/ro", "x"))).toMatch(/\/mnt\/ro is on a read-only file system \(EROFS\)/);
    const eacces = Object.assign(new Error("EACCES"), { code: "EACCES" });
    expect(describeFailure(explainFileError(eacces, "/d", "x"))).toMatch(/no permission to write in \/d \(EACCES\).*RC_DATA_DIR/);
    const other = Object.assign(new Error("boom"), { code: "EIO" });
    expect(explainFileError(other, "/d", "x")).toBe(other);
  });

  it("PostgreSQL's own words for the same causes", () => {
    expect(explainPostgresOutput('initdb: error: could not create directory "x": No space left on device', "/d", "create the cluster")?.message).toMatch(/disk holding \/d is full/);
    expect(explainPostgresOutput("FATAL: could not open file: Read-only file system", "/d", "start")?.message).toMatch(/read-only file system/);
    expect(explainPostgresOutput("LOG: database system is ready", "/d", "start")).toBeNull();
  });

  it("an unexpected error is still one paragraph, pointing at RC_DEBUG", () => {
    expect(describeFailure(new TypeError("x is undefined"))).toBe(
      "x is undefined (This failure has no more specific explanation; run again with RC_DEBUG=1 to see where it came from.)",
    );
  });
});
