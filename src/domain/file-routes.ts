/**
 * The routes that answer with a file (src/server/http.ts `fileResponse`): uploaded documents,
 * released records, invoices and signed authorizations. Their responses carry a policy that
 * sandboxes the file (no scripts, no plugins, no same-origin access) should a browser ever
 * render one; the proxy (src/proxy.ts) must not replace it with the pages' policy.
 * tests/unit/file-routes.test.ts checks this list against every route handler that sends a file.
 */
export const FILE_DOWNLOAD_POLICY = "default-src 'none'; sandbox";

const FILE_ROUTES: readonly RegExp[] = [
  /^\/request\/confirmation\/authorization\.pdf$/,
  /^\/portal\/authorization\.pdf$/,
  /^\/portal\/records$/,
  /^\/portal\/invoices\/[^/]+$/,
  /^\/staff\/requests\/[^/]+\/documents\/[^/]+$/,
  /^\/staff\/requests\/[^/]+\/invoices\/[^/]+$/,
  /^\/staff\/requests\/[^/]+\/accounting$/,
  /^\/staff\/paper-uploads\/[^/]+\/scans\/[^/]+$/,
];

export function isFileRoute(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return FILE_ROUTES.some((route) => route.test(path));
}
