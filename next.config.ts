import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

/**
 * `npm run bench` builds with BENCH_ROUTES=1: the same application plus its baseline routes
 * (files named `route.bench.ts`, which no other build picks up), into its own folder, so that
 * build can never be the one `npm start` or the tests serve (docs/performance.md).
 */
export function benchBuild(environment: Record<string, string | undefined> = process.env): boolean {
  return environment.BENCH_ROUTES === "1";
}

/** Where `next build` writes and `next start` reads. */
export function distDir(environment: Record<string, string | undefined> = process.env): string {
  return benchBuild(environment) ? ".next-bench" : ".next";
}

const nextConfig: NextConfig = {
  distDir: distDir(),
  pageExtensions: benchBuild() ? ["tsx", "ts", "bench.ts"] : ["tsx", "ts"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native bindings, runtime file access).
  serverExternalPackages: ["pino", "pg", "pg-boss", "nodemailer", "pdf-lib", "@pdf-lib/fontkit", "pdfjs-dist", "sharp"],
  experimental: {
    // forbidden(): a staff page refused to a role answers 403 with its own page (forbidden.tsx).
    authInterrupts: true,
    // The authorization form posts its uploads through a server action: a photo ID and up to
    // three proofs of authority, each at most 10 MB (checked again, by content, on the server).
    serverActions: { bodySizeLimit: "45mb" },
    // The proxy sees a little more than an action may take, so it can answer 413 itself to a
    // longer post (src/server/action-body.ts) — Next would answer that with a 500.
    proxyClientMaxBodySize: "46mb",
  },
  // Headers that hold for every response; the nonce-based CSP is set per request in src/proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

// next-intl finds its per-request configuration in src/i18n/request.ts (decision 0023).
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

export default withNextIntl(nextConfig);
