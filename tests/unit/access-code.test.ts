import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAccessCodeShape, normalizeAccessCode } from "@/domain/access-code";

describe("portal sign-in codes as people paste them", () => {
  it("keeps the six digits whatever spaces, hyphens or line breaks surround or split them", () => {
    const separator = fc.constantFrom("", " ", "  ", "-", "\u00a0", "\t", "\n", " - ");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }), fc.array(separator, { minLength: 7, maxLength: 7 }), (digits, seps) => {
        const typed = seps.map((s, i) => s + (digits[i] ?? "")).join("");
        const code = normalizeAccessCode(typed);
        expect(code).toBe(digits.join(""));
        expect(isAccessCodeShape(code)).toBe(true);
      }),
    );
  });

  it("does not make a code out of anything else", () => {
    for (const typed of ["12345", "1234567", "12345a", "１２３４５６", "123.456", "", "1985-03-14"]) expect(isAccessCodeShape(normalizeAccessCode(typed))).toBe(false);
  });
});
