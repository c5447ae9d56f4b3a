/**
 * Benchmark baseline (only in the BENCH_ROUTES=1 build, see next.config.ts): the cheapest page
 * this build can serve — a small HTML document prerendered at build time, behind the same proxy
 * as every page. The form page's throughput is compared with it (docs/performance.md).
 */
export const dynamic = "force-static";

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body><h1>Baseline</h1><p>A static page of the benchmark build.</p></body></html>`;

export function GET() {
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
