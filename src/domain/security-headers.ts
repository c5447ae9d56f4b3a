/**
 * The Content-Security-Policy for one response (SECURITY.md §12): scripts only with this
 * request's nonce ('strict-dynamic' lets Next's loader add its chunks), no plugins, no base
 * rewriting, no framing, forms post only to us. Development adds what React's tooling needs.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${development ? " ws:" : ""}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
  ];
  return directives.join("; ");
}
