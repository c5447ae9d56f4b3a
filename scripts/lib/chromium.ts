import { existsSync } from "node:fs";

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * the browser Playwright downloaded (if any). Playwright's own download cannot run on machines
 * without internet access, so Debian's package (`apt-get install chromium`) is the usual one.
 */
export function resolveChromium(playwrightOwn: () => string): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const own = playwrightOwn();
    if (own && existsSync(own)) return own;
  } catch {
    // not installed
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install Debian's package (sudo apt-get install chromium), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable, or run `npx playwright install chromium` where the internet is reachable.",
  );
}

/** Flags for a headless Chromium on a machine without internet access (and as root, without a sandbox). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
