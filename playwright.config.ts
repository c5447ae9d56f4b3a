import { chromium, defineConfig } from "@playwright/test";
import { chromiumArgs, resolveChromium } from "./scripts/lib/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores: one worker keeps the server responsive and the journeys deterministic.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: resolveChromium(() => chromium.executablePath()),
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // The production build, on a fresh database, with the local SMTP server (scripts/serve-e2e.ts).
    command: "npx tsx scripts/serve-e2e.ts",
    url: `${baseURL}/api/health`,
    // The worker yields CPU to the web server in production (WORKER_NICE, decision 0022); in the
    // tests Chromium is the other process, and sign-in codes must not wait behind it.
    env: { E2E_PORT: String(port), WORKER_NICE: process.env.WORKER_NICE ?? "0" },
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
