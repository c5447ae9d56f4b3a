/**
 * The fee estimate shown before submitting (issue 13) and the access door's pricing (issue 17),
 * against hand-computed figures (2024 Illinois schedule, RULES.md §6; patient policy $6.50 flat
 * electronic, $0.25 a paper page). Expected amounts are literals worked out by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFees, DEFAULT_FEE_POLICY, ESTIMATE_PAGE_COUNTS, type FeeSchedule, feeEstimate, feeRecipientOf } from "@/domain/fees";

const S2024: FeeSchedule = {
  year: 2024,
  handlingCents: 3472,
  pages1To25Cents: 130,
  pages26To50Cents: 87,
  pagesOver50Cents: 43,
  microformPageCents: 217,
  electronicPercent: 50,
  source: "Illinois Comptroller, 2024",
};

describe("feeEstimate", () => {
  it("the patient's own electronic copy: one all-inclusive $6.50, whatever the pages", () => {
    expect(feeEstimate({ recipient: "PATIENT", medium: "ELECTRONIC", mailed: false }, S2024)).toMatchObject({ kind: "FLAT", cents: 650 });
    // Even with no schedule at all: the flat fee needs none.
    expect(feeEstimate({ recipient: "PATIENT", medium: "ELECTRONIC", mailed: false }, null)).toMatchObject({ kind: "FLAT", cents: 650 });
  });

  it("the patient's own paper copy: $0.25 a page, no handling charge, postage added when mailed", () => {
    const e = feeEstimate({ recipient: "PATIENT", medium: "PAPER", mailed: true }, S2024);
    expect(e).toEqual({
      kind: "BY_PAGES",
      rows: [
        { pages: 10, totalCents: 250 },
        { pages: 25, totalCents: 625 },
        { pages: 50, totalCents: 1250 },
        { pages: 100, totalCents: 2500 },
        { pages: 250, totalCents: 6250 },
        { pages: 500, totalCents: 12500 },
      ],
      postageAdded: true,
      scheduleYear: 2024,
      handlingCents: 0,
    });
  });

  it("an attorney by secure e-mail: the Illinois handling charge and half the paper rate per page (issue 13's $98.67 was a paper invoice)", () => {
    const e = feeEstimate({ recipient: "THIRD_PARTY", medium: "ELECTRONIC", mailed: false }, S2024);
    // 10 pages: 34.72 + 10 × 0.65 = 41.22. 50: 34.72 + 16.25 + 10.875 = 61.845 → 61.84. 100: 61.845 + 50 × 0.215 = 72.595 → 72.59.
    expect(e.kind === "BY_PAGES" && e.rows.filter((r) => [10, 50, 100].includes(r.pages))).toEqual([
      { pages: 10, totalCents: 4122 },
      { pages: 50, totalCents: 6184 },
      { pages: 100, totalCents: 7259 },
    ]);
    expect(e).toMatchObject({ handlingCents: 3472, postageAdded: false });
  });

  it("records straight to a medical provider: free; no schedule: unavailable, never a guess", () => {
    expect(feeEstimate({ recipient: "MEDICAL_PROVIDER", medium: "PAPER", mailed: true }, S2024)).toEqual({ kind: "FREE" });
    expect(feeEstimate({ recipient: "THIRD_PARTY", medium: "PAPER", mailed: true }, null)).toEqual({ kind: "UNAVAILABLE" });
  });

  it("every row is exactly what the staff calculator gives for that page count (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("PATIENT", "THIRD_PARTY" as const), fc.constantFrom("PAPER", "ELECTRONIC" as const), (recipient, medium) => {
        const e = feeEstimate({ recipient, medium, mailed: false }, S2024);
        if (e.kind === "FLAT") return recipient === "PATIENT" && medium === "ELECTRONIC" && e.cents <= 650;
        if (e.kind !== "BY_PAGES") return false;
        return e.rows.every(
          (r, i) =>
            r.pages === ESTIMATE_PAGE_COUNTS[i] &&
            r.totalCents === computeFees({ recipient, medium, pages: r.pages, microformPages: 0, atCostItems: [], postageCents: 0 }, S2024, DEFAULT_FEE_POLICY).totalCents,
        );
      }),
    );
  });
});

describe("feeRecipientOf: the door decides the pricing", () => {
  it("an access request is always the patient's own copy; an authorization is priced by its recipient", () => {
    for (const recipientKind of ["SELF", "MEDICAL_PROVIDER", "THIRD_PARTY"] as const)
      for (const providerAddressVerified of [false, true]) expect(feeRecipientOf({ requestKind: "ACCESS", recipientKind, providerAddressVerified })).toBe("PATIENT");
    expect(feeRecipientOf({ requestKind: "AUTHORIZATION", recipientKind: "SELF" })).toBe("PATIENT");
    expect(feeRecipientOf({ requestKind: "AUTHORIZATION", recipientKind: "THIRD_PARTY" })).toBe("THIRD_PARTY");
    expect(feeRecipientOf({ requestKind: "AUTHORIZATION", recipientKind: "MEDICAL_PROVIDER" })).toBe("THIRD_PARTY");
    expect(feeRecipientOf({ requestKind: "AUTHORIZATION", recipientKind: "MEDICAL_PROVIDER", providerAddressVerified: true })).toBe("MEDICAL_PROVIDER");
  });
});
