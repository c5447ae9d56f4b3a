import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepLastFourDigits } from "@/domain/card-digits";

describe("the card's last four digits as staff type or paste them", () => {
  it("keeps the last four digits of any pasted card number, however it is spaced, and says so", () => {
    const separator = fc.constantFrom("", " ", "-", "  ");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 19 }), separator, (digits, sep) => {
        const pasted = digits.map((d, i) => (i > 0 && i % 4 === 0 ? sep : "") + d).join("");
        expect(keepLastFourDigits(pasted)).toEqual({ value: digits.slice(-4).join(""), dropped: true });
      }),
    );
  });

  it("leaves four or fewer digits as typed, without a note, and keeps nothing but digits", () => {
    expect(keepLastFourDigits("4242")).toEqual({ value: "4242", dropped: false });
    expect(keepLastFourDigits("42")).toEqual({ value: "42", dropped: false });
    expect(keepLastFourDigits("4x2 4-2")).toEqual({ value: "4242", dropped: false });
    expect(keepLastFourDigits("4111 1111 1111 1234")).toEqual({ value: "1234", dropped: true });
  });
});
