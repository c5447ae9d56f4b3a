import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { distDir } from "../../next.config.ts";
import { projectRoot } from "./paths.ts";
import { run } from "./processes.ts";

const INPUTS = ["src", "public", "prisma/schema.prisma", "next.config.ts", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];
/** Kept inside the build folder (`.next`, or `.next-bench` for the benchmark's build). */
const stampFile = () => path.join(projectRoot, distDir(), "record-connect-build.sha256");

/** A digest of everything the production build depends on. */
async function inputsDigest(): Promise<string> {
  const digest = createHash("sha256");
  const files: string[] = [];
  async function walk(rel: string) {
    const abs = path.join(projectRoot, rel);
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOTDIR") files.push(rel);
      return;
    }
    for (const entry of entries) await walk(path.join(rel, entry.name));
  }
  for (const input of INPUTS) await walk(input);
  for (const file of files.sort()) {
    digest.update(file);
    digest.update(await readFile(path.join(projectRoot, file)));
  }
  return digest.digest("hex");
}

/** Runs `next build` when there is no build or its inputs changed since. Returns whether it built. */
export async function buildIfStale(log: (line: string) => void, signal?: AbortSignal): Promise<boolean> {
  const wanted = await inputsDigest();
  const current = await readFile(stampFile(), "utf8").catch(() => "");
  if (current.trim() === wanted) return false;
  log(current ? "Sources changed since the last build: building…" : "No production build yet: building (a minute or two)…");
  await run(process.execPath, [path.join(projectRoot, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    signal,
  });
  await writeFile(stampFile(), `${wanted}\n`);
  return true;
}
