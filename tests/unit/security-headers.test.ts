import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/domain/security-headers";

describe("Content-Security-Policy", () => {
  const csp = contentSecurityPolicy("abc123==");
  const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

  it("allows scripts only with this response's nonce", () => {
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("forbids plugins, base rewriting, framing and foreign form targets", () => {
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
  });

  it("adds eval only for development tooling", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});
