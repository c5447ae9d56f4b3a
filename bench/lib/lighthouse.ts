import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { median } from "./report.ts";

export type LighthouseScores = {
  performance: number | null;
  accessibility: number | null;
  runs: Array<{ performance: number | null; accessibility: number | null; metrics: Record<string, number | null>; benchmarkIndex: number | null }>;
};

/** Flags for a headless Chromium that talks to nothing but the page under test. */
const chromeFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
];

/**
 * Lighthouse's performance and accessibility scores (0–100) with its default settings, which are
 * the mobile ones: a Moto G Power-sized screen, simulated slow 4G and a 4× slower CPU. `runs`
 * times, the median kept, as Lighthouse's own guidance for variable machines suggests. The browser
 * is the system Chromium (CHROMIUM_PATH, else /usr/bin/chromium); nothing leaves the machine.
 */
export async function lighthouseScores(url: string, runs: number, chromePath: string): Promise<LighthouseScores> {
  const results: LighthouseScores["runs"] = [];
  let retries = 2;
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: "silent" });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
      const lhr = result?.lhr;
      if (!lhr) throw new Error("Lighthouse returned no result");
      if (lhr.runtimeError) {
        // A trace that lost its navigation start (NO_NAVSTART and kin) happens on a starved machine: run again.
        if (retries-- > 0) {
          i--;
          continue;
        }
        throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      }
      const score = (id: string) => {
        const s = lhr.categories[id]?.score;
        return typeof s === "number" ? Math.round(s * 100) : null;
      };
      const metric = (id: string) => {
        const v = lhr.audits[id]?.numericValue;
        return typeof v === "number" ? Math.round(v) : null;
      };
      results.push({
        performance: score("performance"),
        accessibility: score("accessibility"),
        metrics: {
          firstContentfulPaintMs: metric("first-contentful-paint"),
          largestContentfulPaintMs: metric("largest-contentful-paint"),
          totalBlockingTimeMs: metric("total-blocking-time"),
          speedIndexMs: metric("speed-index"),
          cumulativeLayoutShiftX1000: typeof lhr.audits["cumulative-layout-shift"]?.numericValue === "number" ? Math.round(lhr.audits["cumulative-layout-shift"].numericValue * 1000) : null,
        },
        benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      });
    } finally {
      await chrome.kill();
    }
  }
  const of = (key: "performance" | "accessibility") => median(results.map((r) => r[key]).filter((v): v is number => v !== null));
  return { performance: of("performance"), accessibility: of("accessibility"), runs: results };
}
