import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLocalizablePath, localizedPath, parseAcceptLanguage, resolveLocale, safeReturnPath, splitLocalePrefix } from "@/i18n/locales";

const tag = fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/);
const quality = fc.integer({ min: 0, max: 1000 }).map((n) => (n === 1000 ? "1" : `0.${String(n).padStart(3, "0")}`.replace(/0+$/, "").replace(/\.$/, "")));

describe("Accept-Language", () => {
  it("picks the preferred supported language", () => {
    expect(parseAcceptLanguage("es-US,es;q=0.9,en;q=0.8")).toBe("es");
    expect(parseAcceptLanguage("en-US,en;q=0.9,es;q=0.8")).toBe("en");
    expect(parseAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(parseAcceptLanguage("es-MX")).toBe("es");
    expect(parseAcceptLanguage("fr, de")).toBeNull();
    expect(parseAcceptLanguage("*")).toBeNull();
    expect(parseAcceptLanguage("es;q=0")).toBeNull();
    expect(parseAcceptLanguage("es;q=0.8, en;q=0.8")).toBe("es");
    expect(parseAcceptLanguage("es;q=2, en")).toBe("en");
    expect(parseAcceptLanguage("")).toBeNull();
    expect(parseAcceptLanguage(null)).toBeNull();
  });

  it("never throws and answers only a supported language or null, whatever the header", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (header) => {
        const result = parseAcceptLanguage(header);
        expect(result === null || result === "en" || result === "es").toBe(true);
      }),
    );
  });

  it("agrees with a straightforward reading of well-formed headers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tag, quality), { minLength: 1, maxLength: 10 }), (entries) => {
        const header = entries.map(([t, q]) => `${t};q=${q}`).join(", ");
        // The expected answer: the highest-q entry whose primary subtag is ours, earlier first on ties, q=0 excluded.
        let best: { lang: string; q: number } | null = null;
        const refused = new Set<string>();
        for (const [t, q] of entries) {
          const lang = t.split("-")[0]!.toLowerCase();
          if (lang !== "en" && lang !== "es") continue;
          if (Number(q) === 0) refused.add(lang);
          else if (!best || Number(q) > best.q) best = { lang, q: Number(q) };
        }
        const expected = best && !refused.has(best.lang) ? best.lang : null;
        expect(parseAcceptLanguage(header)).toBe(expected);
      }),
    );
  });
});

describe("resolving the request's language", () => {
  it("takes the URL prefix first, then the remembered choice, then Accept-Language, then English", () => {
    expect(resolveLocale({ pathname: "/es/request", cookie: "en", acceptLanguage: "en" })).toEqual({ locale: "es", prefix: "es", pathname: "/request" });
    expect(resolveLocale({ pathname: "/request", cookie: "es", acceptLanguage: "en" }).locale).toBe("es");
    expect(resolveLocale({ pathname: "/request", cookie: "en", acceptLanguage: "es" }).locale).toBe("en");
    expect(resolveLocale({ pathname: "/request", cookie: null, acceptLanguage: "es-US" }).locale).toBe("es");
    expect(resolveLocale({ pathname: "/request", cookie: "klingon", acceptLanguage: "fr" }).locale).toBe("en");
  });

  it("keeps staff screens English whatever the browser, cookie or prefix says", () => {
    fc.assert(
      fc.property(fc.constantFrom("/staff", "/staff/requests/1", "/es/staff", "/api/health", "/dev/mailbox"), fc.option(fc.constantFrom("en", "es")), fc.string(), (pathname, cookie, acceptLanguage) => {
        expect(resolveLocale({ pathname, cookie, acceptLanguage }).locale).toBe("en");
      }),
    );
  });

  it("depends only on the path, the cookie and Accept-Language (no other header can set it)", () => {
    // The proxy passes only these three inputs; the header it hands on is always overwritten.
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), (pathname, cookie, acceptLanguage) => {
        const result = resolveLocale({ pathname: `/${pathname}`, cookie, acceptLanguage });
        expect(["en", "es"]).toContain(result.locale);
      }),
    );
  });
});

describe("addresses", () => {
  it("prefixes Spanish in-site paths and leaves English ones alone", () => {
    expect(localizedPath("es", "/")).toBe("/es");
    expect(localizedPath("es", "/request/own")).toBe("/es/request/own");
    expect(localizedPath("es", "/request?x=1#y")).toBe("/es/request?x=1#y");
    expect(localizedPath("es", "/es/request")).toBe("/es/request");
    expect(localizedPath("es", "/staff")).toBe("/staff");
    expect(localizedPath("es", "https://example.com/")).toBe("https://example.com/");
    expect(localizedPath("es", "//evil.example/")).toBe("//evil.example/");
    expect(localizedPath("es", "#main")).toBe("#main");
    expect(localizedPath("en", "/request")).toBe("/request");
  });

  it("round-trips: the prefix added is the prefix split off", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\/[a-z0-9-]{1,12}){0,4}$/), (suffix) => {
        const path = suffix || "/";
        fc.pre(isLocalizablePath(path) && !splitLocalePrefix(path).prefix);
        expect(splitLocalePrefix(localizedPath("es", path))).toEqual({ prefix: "es", pathname: path });
      }),
    );
  });

  it("returns after a switch only to an in-site page", () => {
    expect(safeReturnPath("/es/request/own")).toBe("/request/own");
    expect(safeReturnPath("/es")).toBe("/");
    expect(safeReturnPath("/request")).toBe("/request");
    expect(safeReturnPath("//evil.example")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath("https://evil.example")).toBe("/");
    expect(safeReturnPath("/staff/requests")).toBe("/");
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        const result = safeReturnPath(value);
        expect(result.startsWith("/") && !result.startsWith("//") && !result.startsWith("/\\")).toBe(true);
      }),
    );
  });
});
