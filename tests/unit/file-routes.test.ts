import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FILE_DOWNLOAD_POLICY, isFileRoute } from "@/domain/file-routes";

const appDir = path.resolve(import.meta.dirname, "../../src/app");

async function routeHandlers(dir = appDir): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await routeHandlers(full)));
    else if (entry.name === "route.ts") found.push(full);
  }
  return found;
}

/** The URL a route file answers, with a sample id for each dynamic segment and route groups left out. */
function urlOf(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (/^\[.*\]$/.test(s) ? "0f8e3c52-9a51-4b8e-8a43-3e1f5b7c2d10" : s)).join("/")}`;
}

describe("file routes keep their sandbox policy (src/domain/file-routes.ts)", () => {
  it("lists every route handler that answers with fileResponse, and no other", async () => {
    const handlers = await routeHandlers();
    const sendingFiles: string[] = [];
    for (const file of handlers) {
      const source = await readFile(file, "utf8");
      const url = urlOf(file);
      if (source.includes("fileResponse(")) {
        sendingFiles.push(url);
        expect(isFileRoute(url), url).toBe(true);
      } else expect(isFileRoute(url), url).toBe(false);
    }
    expect(sendingFiles.length).toBeGreaterThanOrEqual(6);
  });

  it("keeps pages on the page policy", () => {
    for (const page of ["/", "/request", "/request/confirmation", "/portal", "/portal/request", "/staff", "/staff/requests/abc", "/staff/requests/new", "/forms/authorization.pdf", "/forms/own-records.pdf"]) expect(isFileRoute(page), page).toBe(false);
  });

  it("sandboxes files: no scripts, no plugins, nothing loaded", () => {
    expect(FILE_DOWNLOAD_POLICY).toBe("default-src 'none'; sandbox");
  });
});
