import { gzipSync } from "node:zlib";

export type PageWeight = { scripts: Array<{ url: string; bytes: number; gzipBytes: number }>; gzipBytes: number; bytes: number };

/**
 * The JavaScript a first visit to `pagePath` loads: every script the server-rendered HTML
 * references (`<script src>`, except the `nomodule` polyfills, and script preloads), each fetched and gzip-compressed at level 9,
 * as Next's own "First Load JS" used to count it. Inline flight data is page content, not code,
 * and is not counted.
 */
export async function firstLoadJavaScript(origin: string, pagePath: string): Promise<PageWeight> {
  const html = await (await fetch(new URL(pagePath, origin))).text();
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    // Legacy polyfills (`nomodule`) are skipped by every browser that runs modules.
    if (!/\bnomodule\b/i.test(match[0])) urls.add(match[1]!);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (/\bas="script"/.test(tag) || /\brel="modulepreload"/.test(tag)) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href) urls.add(href);
    }
  }
  const scripts = [];
  for (const url of [...urls].map((u) => u.replaceAll("&amp;", "&"))) {
    const bytes = Buffer.from(await (await fetch(new URL(url, origin))).arrayBuffer());
    scripts.push({ url, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });
  }
  return {
    scripts,
    bytes: scripts.reduce((s, x) => s + x.bytes, 0),
    gzipBytes: scripts.reduce((s, x) => s + x.gzipBytes, 0),
  };
}
