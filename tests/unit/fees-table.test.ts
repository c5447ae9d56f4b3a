/**
 * Hand-computed checks of the fee calculator against docs/decisions/0005-fees.md and
 * RULES.md §6. Every expected amount below was worked out by hand from the specification and is
 * written as a literal; nothing here re-derives an expected value with the implementation's formula.
 *
 * 2024 Illinois figures (RULES.md §6): handling $34.72; pages 1–25 $1.30; 26–50 $0.87; over 50
 * $0.43; microfiche/microfilm $2.17; electronic = 50 % of the paper per-page rate, i.e. $0.65,
 * $0.435 and $0.215. Patient policy defaults: $6.50 flat electronic, $0.25 per paper page.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeFees,
  DEFAULT_FEE_POLICY,
  FeeInputError,
  formatUnitPrice,
  feeRecipient,
  scheduleChoice,
  scheduleFor,
  scheduleYearOn,
  type FeeComputation,
  type FeeInput,
  type FeeMedium,
  type FeeRecipient,
  type FeeSchedule,
} from "@/domain/fees";

const S2017: FeeSchedule = {
  year: 2017,
  handlingCents: 2733,
  pages1To25Cents: 102,
  pages26To50Cents: 68,
  pagesOver50Cents: 34,
  microformPageCents: 171,
  electronicPercent: 50,
  source: "Published summary of the Illinois Comptroller's 2017 figures (doherty-progar.com)",
};
const S2020: FeeSchedule = {
  year: 2020,
  handlingCents: 2909,
  pages1To25Cents: 109,
  pages26To50Cents: 73,
  pagesOver50Cents: 36,
  microformPageCents: 182,
  electronicPercent: 50,
  source: "Published summary of the Illinois Comptroller's 2020 figures (mcdonaldhopkins.com)",
};
const S2024: FeeSchedule = {
  year: 2024,
  handlingCents: 3472,
  pages1To25Cents: 130,
  pages26To50Cents: 87,
  pagesOver50Cents: 43,
  microformPageCents: 217,
  electronicPercent: 50,
  source: "Illinois Comptroller, Copying Fees Adjustments (2024)",
};

type Tier = "1–25" | "26–50" | "over 50";

/** One expected invoice line: what its description must say, its quantity, unit (1/100 ¢) and amount (¢). */
type ExpectedLine = {
  description: RegExp;
  /** The tier a page line belongs to: must appear in both the description and the rule. */
  tier?: Tier;
  quantity: number;
  unitCentiCents: number;
  amountCents: number;
};

const handling = (unitCentiCents: number, amountCents: number): ExpectedLine => ({ description: /handling/i, quantity: 1, unitCentiCents, amountCents });
const paper = (tier: Tier, quantity: number, unitCentiCents: number, amountCents: number): ExpectedLine => ({
  description: /paper cop/i,
  tier,
  quantity,
  unitCentiCents,
  amountCents,
});
const electronic = (tier: Tier, quantity: number, unitCentiCents: number, amountCents: number): ExpectedLine => ({
  description: /electronic cop/i,
  tier,
  quantity,
  unitCentiCents,
  amountCents,
});
const microform = (quantity: number, unitCentiCents: number, amountCents: number): ExpectedLine => ({
  description: /microfiche|microfilm/i,
  quantity,
  unitCentiCents,
  amountCents,
});
const flatFee: ExpectedLine = { description: /flat fee/i, quantity: 1, unitCentiCents: 65000, amountCents: 650 };
const xray: ExpectedLine = { description: /^X-ray film copies$/, quantity: 1, unitCentiCents: 150000, amountCents: 1500 };
const postage: ExpectedLine = { description: /postage/i, quantity: 1, unitCentiCents: 73200, amountCents: 732 };
const nothingToCopy: ExpectedLine = { description: /^No charge: nothing to copy$/, quantity: 1, unitCentiCents: 0, amountCents: 0 };
const providerFree: ExpectedLine = { description: /^No charge:.*medical provider/i, quantity: 1, unitCentiCents: 0, amountCents: 0 };

function input(recipient: FeeRecipient, medium: FeeMedium, pages: number, extra: Partial<FeeInput> = {}): FeeInput {
  return { recipient, medium, pages, microformPages: 0, atCostItems: [], postageCents: 0, ...extra };
}

function expectLines(result: FeeComputation, expected: readonly ExpectedLine[]): void {
  expect(result.lines).toHaveLength(expected.length);
  expected.forEach((want, i) => {
    const got = result.lines[i];
    expect(got, `line ${i}`).toBeDefined();
    if (!got) return;
    expect(got.description, `line ${i} description`).toMatch(want.description);
    expect(got.quantity, `line ${i} quantity`).toBe(want.quantity);
    expect(got.unitCentiCents, `line ${i} unitCentiCents`).toBe(want.unitCentiCents);
    expect(got.amountCents, `line ${i} amountCents`).toBe(want.amountCents);
    expect(got.rule.length, `line ${i} names its rule`).toBeGreaterThan(0);
    if (want.tier) {
      expect(got.description, `line ${i} description names the tier`).toContain(want.tier);
      expect(got.rule, `line ${i} rule names the tier`).toContain(want.tier);
    }
  });
  // The lines always add up to the total.
  expect(result.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(result.totalCents);
}

type Row = { pages: number; totalCents: number; lines: ExpectedLine[]; scheduleYear: number | null };

// ---------------------------------------------------------------------------------------------
// 1. The hand-computed table, 2024 schedule, no microform, no items at cost, no postage.
// ---------------------------------------------------------------------------------------------

const TABLE: Record<`${FeeRecipient} ${FeeMedium}`, Row[]> = {
  // Rule 2: provider pays nothing; rule 1 comes first when nothing is copied.
  "MEDICAL_PROVIDER ELECTRONIC": [
    { pages: 0, totalCents: 0, lines: [nothingToCopy], scheduleYear: null },
    { pages: 1, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 25, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 26, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 50, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 51, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 500, totalCents: 0, lines: [providerFree], scheduleYear: null },
  ],
  "MEDICAL_PROVIDER PAPER": [
    { pages: 0, totalCents: 0, lines: [nothingToCopy], scheduleYear: null },
    { pages: 1, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 25, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 26, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 50, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 51, totalCents: 0, lines: [providerFree], scheduleYear: null },
    { pages: 500, totalCents: 0, lines: [providerFree], scheduleYear: null },
  ],
  // Rule 3: one flat $6.50 line whatever the page count (no schedule figure needed).
  "PATIENT ELECTRONIC": [
    { pages: 0, totalCents: 0, lines: [nothingToCopy], scheduleYear: null },
    { pages: 1, totalCents: 650, lines: [flatFee], scheduleYear: null },
    { pages: 25, totalCents: 650, lines: [flatFee], scheduleYear: null },
    { pages: 26, totalCents: 650, lines: [flatFee], scheduleYear: null },
    { pages: 50, totalCents: 650, lines: [flatFee], scheduleYear: null },
    { pages: 51, totalCents: 650, lines: [flatFee], scheduleYear: null },
    { pages: 500, totalCents: 650, lines: [flatFee], scheduleYear: null },
  ],
  // Rule 4: no handling; $0.25 a page, which is below every 2024 tier cap ($1.30, $0.87, $0.43).
  "PATIENT PAPER": [
    { pages: 0, totalCents: 0, lines: [nothingToCopy], scheduleYear: null },
    { pages: 1, totalCents: 25, lines: [paper("1–25", 1, 2500, 25)], scheduleYear: 2024 },
    // 25 × 25 = 625
    { pages: 25, totalCents: 625, lines: [paper("1–25", 25, 2500, 625)], scheduleYear: 2024 },
    // 625 + 1 × 25 = 650
    { pages: 26, totalCents: 650, lines: [paper("1–25", 25, 2500, 625), paper("26–50", 1, 2500, 25)], scheduleYear: 2024 },
    // 625 + 625 = 1250
    { pages: 50, totalCents: 1250, lines: [paper("1–25", 25, 2500, 625), paper("26–50", 25, 2500, 625)], scheduleYear: 2024 },
    // 625 + 625 + 25 = 1275
    {
      pages: 51,
      totalCents: 1275,
      lines: [paper("1–25", 25, 2500, 625), paper("26–50", 25, 2500, 625), paper("over 50", 1, 2500, 25)],
      scheduleYear: 2024,
    },
    // 625 + 625 + 450 × 25 = 625 + 625 + 11250 = 12500
    {
      pages: 500,
      totalCents: 12500,
      lines: [paper("1–25", 25, 2500, 625), paper("26–50", 25, 2500, 625), paper("over 50", 450, 2500, 11250)],
      scheduleYear: 2024,
    },
  ],
  // Rule 5, electronic: handling + pages at 65 ¢, 43.5 ¢, 21.5 ¢.
  "THIRD_PARTY ELECTRONIC": [
    { pages: 0, totalCents: 0, lines: [nothingToCopy], scheduleYear: null },
    // 3472 + 65 = 3537
    { pages: 1, totalCents: 3537, lines: [handling(347200, 3472), electronic("1–25", 1, 6500, 65)], scheduleYear: 2024 },
    // 3472 + 25 × 65 = 3472 + 1625 = 5097
    { pages: 25, totalCents: 5097, lines: [handling(347200, 3472), electronic("1–25", 25, 6500, 1625)], scheduleYear: 2024 },
    // 3472 + 1625 + 43.5 = 5140.5 exact → total 5140; lines floor to 3472 + 1625 + 43 = 5140, no cent left over.
    {
      pages: 26,
      totalCents: 5140,
      lines: [handling(347200, 3472), electronic("1–25", 25, 6500, 1625), electronic("26–50", 1, 4350, 43)],
      scheduleYear: 2024,
    },
    // 3472 + 1625 + 25 × 43.5 (= 1087.5) = 6184.5 exact → total 6184; lines 3472 + 1625 + 1087 = 6184.
    {
      pages: 50,
      totalCents: 6184,
      lines: [handling(347200, 3472), electronic("1–25", 25, 6500, 1625), electronic("26–50", 25, 4350, 1087)],
      scheduleYear: 2024,
    },
    // The ADR's example: 3472 + 1625 + 1087.5 + 21.5 = 6206.0 exact → total 6206. Floors sum to
    // 3472 + 1625 + 1087 + 21 = 6205; the leftover cent goes to the tie of two half cents, the
    // earlier (26–50) line: 1088. Lines 3472, 1625, 1088, 21.
    {
      pages: 51,
      totalCents: 6206,
      lines: [
        handling(347200, 3472),
        electronic("1–25", 25, 6500, 1625),
        electronic("26–50", 25, 4350, 1088),
        electronic("over 50", 1, 2150, 21),
      ],
      scheduleYear: 2024,
    },
    // 3472 + 1625 + 1087.5 + 450 × 21.5 (= 9675, exact) = 15859.5 → total 15859;
    // floors 3472 + 1625 + 1087 + 9675 = 15859, no cent left over.
    {
      pages: 500,
      totalCents: 15859,
      lines: [
        handling(347200, 3472),
        electronic("1–25", 25, 6500, 1625),
        electronic("26–50", 25, 4350, 1087),
        electronic("over 50", 450, 2150, 9675),
      ],
      scheduleYear: 2024,
    },
  ],
  // Rule 5, paper: handling + pages at $1.30, $0.87, $0.43 (all whole cents).
  "THIRD_PARTY PAPER": [
    { pages: 0, totalCents: 0, lines: [nothingToCopy], scheduleYear: null },
    // 3472 + 130 = 3602
    { pages: 1, totalCents: 3602, lines: [handling(347200, 3472), paper("1–25", 1, 13000, 130)], scheduleYear: 2024 },
    // 3472 + 25 × 130 = 3472 + 3250 = 6722
    { pages: 25, totalCents: 6722, lines: [handling(347200, 3472), paper("1–25", 25, 13000, 3250)], scheduleYear: 2024 },
    // 3472 + 3250 + 87 = 6809
    {
      pages: 26,
      totalCents: 6809,
      lines: [handling(347200, 3472), paper("1–25", 25, 13000, 3250), paper("26–50", 1, 8700, 87)],
      scheduleYear: 2024,
    },
    // 3472 + 3250 + 25 × 87 (= 2175) = 8897
    {
      pages: 50,
      totalCents: 8897,
      lines: [handling(347200, 3472), paper("1–25", 25, 13000, 3250), paper("26–50", 25, 8700, 2175)],
      scheduleYear: 2024,
    },
    // 8897 + 43 = 8940
    {
      pages: 51,
      totalCents: 8940,
      lines: [handling(347200, 3472), paper("1–25", 25, 13000, 3250), paper("26–50", 25, 8700, 2175), paper("over 50", 1, 4300, 43)],
      scheduleYear: 2024,
    },
    // 8897 + 450 × 43 (= 19350) = 28247
    {
      pages: 500,
      totalCents: 28247,
      lines: [handling(347200, 3472), paper("1–25", 25, 13000, 3250), paper("26–50", 25, 8700, 2175), paper("over 50", 450, 4300, 19350)],
      scheduleYear: 2024,
    },
  ],
};

describe("fees, hand-computed table (2024 schedule, pages only)", () => {
  for (const [key, rows] of Object.entries(TABLE)) {
    const [recipient, medium] = key.split(" ") as [FeeRecipient, FeeMedium];
    describe(key, () => {
      it.each(rows)("$pages pages → $totalCents ¢", (row) => {
        const result = computeFees(input(recipient, medium, row.pages), S2024);
        expect(result.totalCents).toBe(row.totalCents);
        expectLines(result, row.lines);
        expect(result.scheduleYear).toBe(row.scheduleYear);
        // Every line of a schedule-based row comes from the 2024 figures and says so.
        if (row.scheduleYear !== null) for (const line of result.lines) expect(line.rule).toContain("2024");
      });
    });
  }

  it("the default policy is the $6.50 flat fee and $0.25 a page", () => {
    expect(DEFAULT_FEE_POLICY).toEqual({ patientElectronicFlatCents: 650, patientPageCents: 25 });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Microform pages, items at cost, postage.
// ---------------------------------------------------------------------------------------------

describe("fees with microform pages, items at cost and postage (2024)", () => {
  const extras = { microformPages: 3, atCostItems: [{ description: "X-ray film copies", cents: 1500 }], postageCents: 732 };

  it("patient, paper: no handling; pages and microform at $0.25; item and postage as entered", () => {
    // 25 × 25 = 625; 5 × 25 = 125; microform 3 × min(25, 217) = 75; + 1500 + 732 = 3057
    const result = computeFees(input("PATIENT", "PAPER", 30, extras), S2024);
    expect(result.totalCents).toBe(3057);
    expectLines(result, [paper("1–25", 25, 2500, 625), paper("26–50", 5, 2500, 125), microform(3, 2500, 75), xray, postage]);
    expect(result.scheduleYear).toBe(2024);
  });

  it("patient, electronic: the HHS flat fee is all-inclusive — no item at cost and no postage is added (issue 12: $11.50 was charged)", () => {
    const result = computeFees(input("PATIENT", "ELECTRONIC", 30, extras), S2024);
    expect(result.totalCents).toBe(650);
    expectLines(result, [flatFee]);
    const withPostage = computeFees(input("PATIENT", "ELECTRONIC", 30, { postageCents: 500 }), S2024);
    expect(withPostage.totalCents).toBe(650);
  });

  it("the patient's flat fee never exceeds $6.50, whatever the policy setting says", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 10_000 }), (flat, pages, postage) => {
        const r = computeFees(input("PATIENT", "ELECTRONIC", pages, { postageCents: postage }), S2024, { patientElectronicFlatCents: flat, patientPageCents: 25 });
        expect(r.totalCents).toBe(Math.min(flat, 650));
      }),
    );
  });

  it("“no fee to a provider” needs the provider's address verified; otherwise the records are priced as a third party's", () => {
    expect(feeRecipient("MEDICAL_PROVIDER", false)).toBe("THIRD_PARTY");
    expect(feeRecipient("MEDICAL_PROVIDER", true)).toBe("MEDICAL_PROVIDER");
    expect(feeRecipient("SELF", false)).toBe("PATIENT");
    expect(feeRecipient("THIRD_PARTY", true)).toBe("THIRD_PARTY");
  });

  it("third party, paper: handling, tiers, microform at $2.17, item, postage", () => {
    // 3472 + 25 × 130 (3250) + 5 × 87 (435) + 3 × 217 (651) + 1500 + 732
    // = 3472 + 3250 = 6722; + 435 = 7157; + 651 = 7808; + 1500 = 9308; + 732 = 10040
    const result = computeFees(input("THIRD_PARTY", "PAPER", 30, extras), S2024);
    expect(result.totalCents).toBe(10040);
    expectLines(result, [handling(347200, 3472), paper("1–25", 25, 13000, 3250), paper("26–50", 5, 8700, 435), microform(3, 21700, 651), xray, postage]);
    expect(result.scheduleYear).toBe(2024);
  });

  it("third party, electronic: microform pages at the full microform rate, the half cent tie goes to the earlier line", () => {
    // 53 pages: 3472 + 25 × 65 (1625) + 25 × 43.5 (1087.5) + 3 × 21.5 (64.5) + 3 × 217 (651) + 1500 + 732
    // exact = 3472 + 1625 = 5097; + 1087.5 = 6184.5; + 64.5 = 6249; + 651 = 6900; + 1500 = 8400; + 732 = 9132.0
    // floors: 3472 + 1625 + 1087 + 64 + 651 + 1500 + 732 = 9131 → one cent left; 26–50 and over-50
    // both dropped 0.5 ¢ → the earlier (26–50) gets it: 1088.
    const result = computeFees(input("THIRD_PARTY", "ELECTRONIC", 53, extras), S2024);
    expect(result.totalCents).toBe(9132);
    expectLines(result, [
      handling(347200, 3472),
      electronic("1–25", 25, 6500, 1625),
      electronic("26–50", 25, 4350, 1088),
      electronic("over 50", 3, 2150, 64),
      microform(3, 21700, 651),
      xray,
      postage,
    ]);
  });

  it("third party, microform only (no standard pages): handling + 2 × 217 = 3906", () => {
    const result = computeFees(input("THIRD_PARTY", "PAPER", 0, { microformPages: 2 }), S2024);
    expect(result.totalCents).toBe(3906);
    expectLines(result, [handling(347200, 3472), microform(2, 21700, 434)]);
  });

  it("third party, an item at cost only: handling + 1500 = 4972", () => {
    const result = computeFees(input("THIRD_PARTY", "ELECTRONIC", 0, { atCostItems: extras.atCostItems }), S2024);
    expect(result.totalCents).toBe(4972);
    expectLines(result, [handling(347200, 3472), xray]);
  });

  it("medical provider pays $0 whatever is entered", () => {
    for (const medium of ["PAPER", "ELECTRONIC"] as const) {
      const result = computeFees(input("MEDICAL_PROVIDER", medium, 500, extras), S2024);
      expect(result.totalCents).toBe(0);
      expectLines(result, [providerFree]);
    }
  });

  it("nothing to copy → $0, postage not charged, for every recipient and medium", () => {
    for (const recipient of ["MEDICAL_PROVIDER", "PATIENT", "THIRD_PARTY"] as const)
      for (const medium of ["PAPER", "ELECTRONIC"] as const) {
        const result = computeFees(input(recipient, medium, 0, { postageCents: 732 }), S2024);
        expect(result.totalCents).toBe(0);
        expectLines(result, [nothingToCopy]);
        expect(result.scheduleYear).toBeNull();
      }
  });

  it("the patient's page price is capped by each tier's Illinois rate and by the microform rate", () => {
    // Policy $0.50 a page: min(50,130) = 50, min(50,87) = 50, min(50,43) = 43, microform min(50,217) = 50.
    // 25 × 50 + 25 × 50 + 2 × 43 + 1 × 50 = 1250 + 1250 + 86 + 50 = 2636
    const r1 = computeFees(input("PATIENT", "PAPER", 52, { microformPages: 1 }), S2024, { patientElectronicFlatCents: 650, patientPageCents: 50 });
    expect(r1.totalCents).toBe(2636);
    expectLines(r1, [paper("1–25", 25, 5000, 1250), paper("26–50", 25, 5000, 1250), paper("over 50", 2, 4300, 86), microform(1, 5000, 50)]);
    // Policy $3.00 a page: every cap applies: 25 × 130 + 25 × 87 + 1 × 43 + 2 × 217 = 3250 + 2175 + 43 + 434 = 5902
    const r2 = computeFees(input("PATIENT", "PAPER", 51, { microformPages: 2 }), S2024, { patientElectronicFlatCents: 650, patientPageCents: 300 });
    expect(r2.totalCents).toBe(5902);
    expectLines(r2, [paper("1–25", 25, 13000, 3250), paper("26–50", 25, 8700, 2175), paper("over 50", 1, 4300, 43), microform(2, 21700, 434)]);
  });

  it("the patient's flat fee follows the policy", () => {
    const result = computeFees(input("PATIENT", "ELECTRONIC", 10), S2024, { patientElectronicFlatCents: 500, patientPageCents: 25 });
    expect(result.totalCents).toBe(500);
    expectLines(result, [{ ...flatFee, unitCentiCents: 50000, amountCents: 500 }]);
  });

  it("other years: 2017 paper and 2020 electronic, 51 pages", () => {
    // 2017 paper: 2733 + 25 × 102 (2550) + 25 × 68 (1700) + 34 = 7017
    const p = computeFees(input("THIRD_PARTY", "PAPER", 51), S2017);
    expect(p.totalCents).toBe(7017);
    expect(p.scheduleYear).toBe(2017);
    expectLines(p, [handling(273300, 2733), paper("1–25", 25, 10200, 2550), paper("26–50", 25, 6800, 1700), paper("over 50", 1, 3400, 34)]);
    for (const line of p.lines) expect(line.rule).toContain("2017");
    // 2020 electronic: 2909 + 25 × 54.5 (1362.5) + 25 × 36.5 (912.5) + 1 × 18 = 5202.0 exact;
    // floors 2909 + 1362 + 912 + 18 = 5201, one cent left, tie of half cents → the earlier (1–25) line: 1363.
    const e = computeFees(input("THIRD_PARTY", "ELECTRONIC", 51), S2020);
    expect(e.totalCents).toBe(5202);
    expect(e.scheduleYear).toBe(2020);
    expectLines(e, [handling(290900, 2909), electronic("1–25", 25, 5450, 1363), electronic("26–50", 25, 3650, 912), electronic("over 50", 1, 1800, 18)]);
  });

  it("formats fractional unit prices", () => {
    expect(formatUnitPrice(4350)).toBe("$0.435");
    expect(formatUnitPrice(2150)).toBe("$0.215");
    expect(formatUnitPrice(13000)).toBe("$1.30");
    expect(formatUnitPrice(65000)).toBe("$6.50");
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Rounding properties, 0..600 pages, every case.
// ---------------------------------------------------------------------------------------------

describe("rounding properties", () => {
  const cases = (["MEDICAL_PROVIDER", "PATIENT", "THIRD_PARTY"] as const).flatMap((recipient) =>
    (["ELECTRONIC", "PAPER"] as const).map((medium) => ({ recipient, medium })),
  );

  /** Independent exact maximum for a third party in hundredths of a cent, from the published figures. */
  function thirdPartyExactCentiCents(pages: number, medium: FeeMedium, microformPages: number, postageCents: number): number {
    const perPage = (cents: number) => (medium === "PAPER" ? cents * 100 : cents * 50);
    const t1 = Math.min(pages, 25);
    const t2 = Math.min(Math.max(pages - 25, 0), 25);
    const t3 = Math.max(pages - 50, 0);
    return 347200 + t1 * perPage(130) + t2 * perPage(87) + t3 * perPage(43) + microformPages * 21700 + postageCents * 100;
  }

  function checkRounding(result: FeeComputation, label: string): number {
    const exact = result.lines.reduce((sum, l) => sum + l.quantity * l.unitCentiCents, 0);
    // Lines add up to the total.
    expect(result.lines.reduce((sum, l) => sum + l.amountCents, 0), `${label}: lines sum`).toBe(result.totalCents);
    // Total ≤ exact and exact − total < 1 ¢.
    expect(result.totalCents * 100, `${label}: total not above exact`).toBeLessThanOrEqual(exact);
    expect(exact - result.totalCents * 100, `${label}: total within a cent`).toBeLessThan(100);
    // Each line within one cent of its exact amount, rounded down or (only with a fraction) up.
    const fractions = result.lines.map((l) => (l.quantity * l.unitCentiCents) % 100);
    result.lines.forEach((l, i) => {
      const lineExact = l.quantity * l.unitCentiCents;
      expect(Math.abs(l.amountCents * 100 - lineExact), `${label}: line ${i} within a cent`).toBeLessThan(100);
      const roundedUp = l.amountCents * 100 > lineExact;
      if (!roundedUp) expect(l.amountCents, `${label}: line ${i} floor`).toBe(Math.floor(lineExact / 100));
    });
    // Leftover cents go to the largest dropped fractions, earlier lines first on ties.
    result.lines.forEach((up, i) => {
      if (up.amountCents * 100 <= up.quantity * up.unitCentiCents) return;
      result.lines.forEach((down, j) => {
        const fj = fractions[j] ?? 0;
        const fi = fractions[i] ?? 0;
        if (j === i || fj === 0 || down.amountCents * 100 > down.quantity * down.unitCentiCents) return;
        expect(fi > fj || (fi === fj && i < j), `${label}: line ${i} (fraction ${fi}) took the cent before line ${j} (fraction ${fj})`).toBe(true);
      });
    });
    return exact;
  }

  for (const { recipient, medium } of cases) {
    it(`${recipient} ${medium}: pages 0..600`, () => {
      for (let pages = 0; pages <= 600; pages++) {
        const result = computeFees(input(recipient, medium, pages), S2024);
        const exact = checkRounding(result, `${recipient} ${medium} ${pages}`);
        if (recipient === "THIRD_PARTY" && pages > 0) expect(exact).toBe(thirdPartyExactCentiCents(pages, medium, 0, 0));
      }
    });

    it(`${recipient} ${medium}: pages 0..600 with microform pages, an item and postage`, () => {
      for (let pages = 0; pages <= 600; pages++) {
        const microformPages = pages % 4;
        const postageCents = (pages % 3) * 317;
        const result = computeFees(
          input(recipient, medium, pages, { microformPages, postageCents, atCostItems: pages % 5 === 0 ? [] : [{ description: "X-ray film copies", cents: 1500 }] }),
          S2024,
        );
        checkRounding(result, `${recipient} ${medium} ${pages}+extras`);
      }
    });
  }

  it("2020 electronic (half cents in two tiers) keeps the same properties", () => {
    for (let pages = 0; pages <= 600; pages++) checkRounding(computeFees(input("THIRD_PARTY", "ELECTRONIC", pages, { microformPages: pages % 3 }), S2020), `2020 ${pages}`);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Which year's schedule.
// ---------------------------------------------------------------------------------------------

describe("scheduleFor (latest year not after the receipt year, America/Chicago)", () => {
  const all = [S2017, S2020, S2024];

  it("uses the latest earlier year when the receipt year has no row", () => {
    expect(scheduleFor(new Date("2026-03-01T15:00:00Z"), all)?.year).toBe(2024);
    expect(scheduleFor(new Date("2021-06-01T15:00:00Z"), all)?.year).toBe(2020);
    expect(scheduleFor(new Date("2020-06-01T15:00:00Z"), all)?.year).toBe(2020);
    expect(scheduleFor(new Date("2019-12-31T15:00:00Z"), all)?.year).toBe(2017);
  });

  it("does not depend on the order of the rows", () => {
    expect(scheduleFor(new Date("2026-03-01T15:00:00Z"), [S2024, S2017, S2020])?.year).toBe(2024);
    expect(scheduleFor(new Date("2021-06-01T15:00:00Z"), [S2024, S2020, S2017])?.year).toBe(2020);
  });

  it("no row at or before the year → null, and a third-party computation is refused", () => {
    expect(scheduleFor(new Date("2016-07-01T15:00:00Z"), all)).toBeNull();
    const none = scheduleFor(new Date("2016-07-01T15:00:00Z"), all);
    expect(() => computeFees(input("THIRD_PARTY", "PAPER", 10), none)).toThrow(FeeInputError);
    expect(() => computeFees(input("PATIENT", "PAPER", 10), none)).toThrow(FeeInputError);
  });

  it("a year's schedule takes effect on 20 January (735 ILCS 5/8-2006), at midnight in Chicago", () => {
    const s2025: FeeSchedule = { ...S2024, year: 2025, source: "imaginary 2025 row (test only)" };
    const rows = [S2020, S2024, s2025];
    // 1–19 January still use the previous year's figures.
    expect(scheduleFor(new Date("2025-01-01T06:00:00Z"), rows)?.year).toBe(2024);
    expect(scheduleFor(new Date("2025-01-19T18:00:00Z"), rows)?.year).toBe(2024);
    // 2025-01-20T05:59Z is 23:59 CST on the 19th; 06:00Z is 00:00 CST on the 20th.
    expect(scheduleFor(new Date("2025-01-20T05:59:59Z"), rows)?.year).toBe(2024);
    expect(scheduleFor(new Date("2025-01-20T06:00:00Z"), rows)?.year).toBe(2025);
    expect(scheduleYearOn("2025-01-19")).toBe(2024);
    expect(scheduleYearOn("2025-01-20")).toBe(2025);
    expect(scheduleYearOn("2025-12-31")).toBe(2025);
    // Before 20 January 2017 no loaded schedule is in force.
    expect(scheduleFor(new Date("2017-01-19T18:00:00Z"), all)).toBeNull();
    expect(scheduleFor(new Date("2017-01-20T06:00:00Z"), all)?.year).toBe(2017);
  });

  it("a year with no entry uses the latest earlier one and says so; never a later one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2010, max: 2040 }), fc.integer({ min: 0, max: 364 }), (year, dayOfYear) => {
        const at = new Date(Date.UTC(year, 0, 1, 18) + dayOfYear * 86_400_000);
        const choice = scheduleChoice(at, all);
        if (choice.schedule) {
          expect(choice.schedule.year).toBeLessThanOrEqual(choice.wanted);
          expect(all.some((s) => s.year > choice.schedule!.year && s.year <= choice.wanted)).toBe(false);
          expect(choice.fallback).toBe(choice.schedule.year !== choice.wanted);
        } else expect(all.every((s) => s.year > choice.wanted)).toBe(true);
      }),
    );
  });

  it("the chosen schedule is the one the computation reports", () => {
    const s = scheduleFor(new Date("2021-06-01T15:00:00Z"), all);
    // 2020 paper, 26 pages: 2909 + 25 × 109 (2725) + 73 = 5707
    const result = computeFees(input("THIRD_PARTY", "PAPER", 26), s);
    expect(result.scheduleYear).toBe(2020);
    expect(result.totalCents).toBe(5707);
    for (const line of result.lines) expect(line.rule).toContain("2020");
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Invalid input.
// ---------------------------------------------------------------------------------------------

describe("invalid input is refused with FeeInputError", () => {
  const bad: [string, Partial<FeeInput> & { pages?: number }][] = [
    ["negative pages", { pages: -1 }],
    ["fractional pages", { pages: 2.5 }],
    ["NaN pages", { pages: Number.NaN }],
    ["negative microform pages", { microformPages: -1 }],
    ["fractional microform pages", { microformPages: 0.5 }],
    ["an item at cost without a description", { atCostItems: [{ description: "", cents: 1500 }] }],
    ["an item at cost with a blank description", { atCostItems: [{ description: "   ", cents: 1500 }] }],
    ["negative postage", { postageCents: -1 }],
    ["fractional postage", { postageCents: 7.5 }],
  ];
  for (const recipient of ["MEDICAL_PROVIDER", "PATIENT", "THIRD_PARTY"] as const) {
    it.each(bad)(`${recipient}: %s`, (_label, patch) => {
      expect(() => computeFees({ ...input(recipient, "PAPER", 10), ...patch }, S2024)).toThrow(FeeInputError);
    });
  }
});
