/**
 * The "who signs what" decision (src/domain/signing-rules.ts) against RULES.md §3–§4, swept over
 * every combination — age band, alive or deceased (with and without an executor), emancipation,
 * each signer kind, every non-empty set of categories (each alone and all mixes) — plus
 * fast-check properties for the invariants the law states outright.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  type Category,
  decideSigning,
  initialsMatch,
  SIGNER_KINDS,
  type SignerKind,
  type SigningFacts,
  signerEntitled,
  SURVIVING_RELATIONSHIPS,
} from "@/domain/signing-rules";

const AGES = { "under 12": [0, 3, 8, 11], "12–17": [12, 13, 15, 16, 17], "18+": [18, 19, 45, 90] } as const;
const MENTAL: Category[] = ["MENTAL_HEALTH", "PSYCHOTHERAPY_NOTES"];
const MINOR_OWN: Category[] = ["MENTAL_HEALTH", "PSYCHOTHERAPY_NOTES", "HIV_AIDS", "SUBSTANCE_USE_DISORDER"];
const REPRESENTS_MINOR: SignerKind[] = ["PARENT_OF_MINOR", "COURT_APPOINTED_GUARDIAN", "OTHER"];

/** Every non-empty subset of the categories: each alone, and every mix. */
const CATEGORY_SETS: Category[][] = Array.from({ length: 2 ** CATEGORIES.length - 1 }, (_, i) => CATEGORIES.filter((_, bit) => (i + 1) & (1 << bit)));

type Situation = { label: string; patient: SigningFacts["patient"]; band: keyof typeof AGES | "deceased" };
const SITUATIONS: Situation[] = [
  ...(Object.entries(AGES) as [keyof typeof AGES, readonly number[]][]).flatMap(([band, ages]) =>
    ages.flatMap((age) =>
      [false, true].map((emancipated) => ({ label: `${band}, age ${age}${emancipated ? ", emancipated" : ""}`, band, patient: { age, deceased: false, emancipated } })),
    ),
  ),
  ...[5, 15, 60].flatMap((age) =>
    ([true, false, undefined] as const).map((exists) => ({
      label: `deceased at ${age}, ${exists === true ? "an executor exists" : exists === false ? "no executor appointed" : "executor unknown"}`,
      band: "deceased" as const,
      patient: { age, deceased: true, emancipated: false, estateRepresentativeExists: exists },
    })),
  ),
];

/**
 * RULES.md's table, row by row, as the expected answer: whether this signer may sign at all,
 * and which categories they may not release alone.
 */
function expected(s: Situation, signer: SignerKind, categories: Category[]) {
  const { age, emancipated, deceased, estateRepresentativeExists } = s.patient;
  const actsAsAdult = age >= 18 || (emancipated && age >= 16);
  let signerMay: boolean;
  const refused = new Set<Category>();
  let minorSigns = false;
  if (deceased) {
    signerMay =
      signer === "ESTATE_EXECUTOR_OR_ADMINISTRATOR" ||
      signer === "HEALTH_CARE_POWER_OF_ATTORNEY" ||
      (signer === "SURVIVING_RELATIVE" && estateRepresentativeExists === false);
  } else if (age < 12) {
    signerMay = signer === "PARENT_OF_MINOR" || signer === "COURT_APPOINTED_GUARDIAN" || signer === "OTHER";
  } else if (!actsAsAdult) {
    signerMay = !emancipated && (signer === "PATIENT" || REPRESENTS_MINOR.includes(signer));
    if (signerMay && signer === "PATIENT") for (const c of categories) if (!MINOR_OWN.includes(c)) refused.add(c);
    if (signerMay && signer !== "PATIENT") minorSigns = categories.some((c) => MINOR_OWN.includes(c));
  } else {
    signerMay = ["PATIENT", "COURT_APPOINTED_GUARDIAN", "HEALTH_CARE_POWER_OF_ATTORNEY", "OTHER"].includes(signer);
  }
  const mental = categories.some((c) => MENTAL.includes(c));
  const splitOff = categories.includes("PSYCHOTHERAPY_NOTES") && categories.length > 1;
  return { signerMay, refused, minorSigns, mental, splitOff, ok: signerMay && refused.size === 0 && !splitOff };
}

describe("the decision table: every age band × signer × category set × alive/deceased", () => {
  const rows = SITUATIONS.flatMap((s) => SIGNER_KINDS.flatMap((signer) => CATEGORY_SETS.map((categories) => ({ s, signer, categories }))));

  it(`covers ${rows.length} combinations, each as RULES.md says`, () => {
    expect(rows.length).toBeGreaterThan(15_000);
    for (const { s, signer, categories } of rows) {
      const relative = signer === "SURVIVING_RELATIVE" ? { relationship: "SPOUSE" as const, deceasedDidNotObject: true } : undefined;
      const d = decideSigning({ patient: s.patient, signer, categories, ...(relative ? { relative } : {}) });
      const e = expected(s, signer, categories);
      const where = `${s.label} · ${signer} · ${categories.join("+")}`;
      expect(!d.signerRefusal, `${where}: may sign`).toBe(e.signerMay);
      expect(new Set(d.refusedCategories.map((r) => r.category)), `${where}: refused`).toEqual(e.refused);
      expect(!!d.minorSignature, `${where}: minor signs too`).toBe(e.minorSigns);
      expect(!!d.minorInformedNoObjection, `${where}: minor informed`).toBe(e.minorSigns && categories.some((c) => MENTAL.includes(c)));
      expect(!!d.witness, `${where}: witness`).toBe(e.mental);
      expect(d.mentalHealthStatements && d.calendarExpiry, `${where}: 740 ILCS 110/5 statements and date`).toBe(e.mental);
      expect(!!d.splitOff, `${where}: split off`).toBe(e.splitOff);
      expect(d.ok, `${where}: ok`).toBe(e.ok);
      // Every refusal says why, in words.
      for (const reason of [d.signerRefusal, ...d.refusedCategories.map((r) => r.reason), d.splitOff?.reason]) if (reason !== undefined) expect(reason.length, where).toBeGreaterThan(30);
      expect(d.proofs[0], where).toBe("PHOTO_ID");
      if (s.patient.deceased) expect(d.proofs, where).toContain("DEATH_CERTIFICATE");
    }
  }, 60_000); // 15,000+ rows with several assertions each: seconds on a busy 2-core machine

  it("the symptoms of issue 11 are gone", () => {
    // Children of 3 and 8 cannot sign for themselves.
    for (const age of [3, 8]) expect(decideSigning({ patient: { age, deceased: false, emancipated: false }, signer: "PATIENT", categories: ["GENERAL"] }).signerRefusal).toMatch(/under 12/);
    // A court-appointed guardian of a 13-year-old needs the minor's signature for mental health records.
    const guardian = decideSigning({ patient: { age: 13, deceased: false, emancipated: false }, signer: "COURT_APPOINTED_GUARDIAN", categories: ["GENERAL", "MENTAL_HEALTH"] });
    expect(guardian.minorSignature?.categories).toEqual(["MENTAL_HEALTH"]);
    expect(guardian.minorInformedNoObjection).toBeDefined();
    expect(guardian.initialsBy.MENTAL_HEALTH).toBe("MINOR");
    // A parent does not get a 15-year-old's substance-use and HIV records without the minor.
    const parent = decideSigning({ patient: { age: 15, deceased: false, emancipated: false }, signer: "PARENT_OF_MINOR", categories: ["SUBSTANCE_USE_DISORDER", "HIV_AIDS"] });
    expect(parent.minorSignature?.categories).toEqual(["SUBSTANCE_USE_DISORDER", "HIV_AIDS"]);
    // A "parent or guardian" may not sign for a deceased adult.
    for (const signer of ["PARENT_OF_MINOR", "COURT_APPOINTED_GUARDIAN"] as const)
      expect(decideSigning({ patient: { age: 40, deceased: true, emancipated: false }, signer, categories: ["GENERAL"] }).signerRefusal).toMatch(/ends when the patient dies/);
    // Psychotherapy notes alone are a valid request.
    expect(decideSigning({ patient: { age: 40, deceased: false, emancipated: false }, signer: "PATIENT", categories: ["PSYCHOTHERAPY_NOTES"] }).ok).toBe(true);
  });
});

describe("surviving relatives (735 ILCS 5/8-2001.5)", () => {
  const deceased = { age: 70, deceased: true, emancipated: false, estateRepresentativeExists: false };
  const asRelative = (relative: SigningFacts["relative"], patient = deceased) => decideSigning({ patient, signer: "SURVIVING_RELATIVE", relative, categories: ["GENERAL"] });
  it("a spouse first; the others only when no spouse survives; never over a written objection or an executor", () => {
    expect(asRelative({ relationship: "SPOUSE", deceasedDidNotObject: true }).ok).toBe(true);
    for (const relationship of SURVIVING_RELATIONSHIPS.filter((r) => r !== "SPOUSE")) {
      expect(asRelative({ relationship, deceasedDidNotObject: true }).signerRefusalAbout).toBe("SPOUSE");
      expect(asRelative({ relationship, noSurvivingSpouse: true, deceasedDidNotObject: true }).ok).toBe(true);
    }
    expect(asRelative({ relationship: "SPOUSE" }).signerRefusalAbout).toBe("OBJECTION");
    expect(asRelative({}).signerRefusalAbout).toBe("RELATIONSHIP");
    expect(asRelative({ relationship: "SPOUSE", deceasedDidNotObject: true }, { ...deceased, estateRepresentativeExists: true }).signerRefusalAbout).toBe("ESTATE");
    const ok = asRelative({ relationship: "PARENT", noSurvivingSpouse: true, deceasedDidNotObject: true });
    expect(ok.relativeStatement).toBe(true);
    expect(ok.proofs).toEqual(["PHOTO_ID", "DEATH_CERTIFICATE"]);
  });
});

// ───────────── properties ─────────────

const facts = fc.record({
  patient: fc.record({
    age: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 120 })),
    deceased: fc.boolean(),
    emancipated: fc.boolean(),
    estateRepresentativeExists: fc.option(fc.boolean(), { nil: undefined }),
  }),
  signer: fc.constantFrom(...SIGNER_KINDS),
  relative: fc.option(
    fc.record({ relationship: fc.option(fc.constantFrom(...SURVIVING_RELATIONSHIPS), { nil: undefined }), noSurvivingSpouse: fc.boolean(), deceasedDidNotObject: fc.boolean() }),
    { nil: undefined },
  ),
  categories: fc.array(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 8 }),
});

describe("properties (fast-check)", () => {
  it("no one under 18 who is not emancipated signs a general authorization for themself", () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 17 }), fc.boolean(), (generated, age, emancipatedUnder16) => {
        // Not emancipated, or "emancipated" below the age Illinois allows it (which does not count).
        const f: SigningFacts = {
          ...generated,
          signer: "PATIENT",
          patient: { age: emancipatedUnder16 ? Math.min(age, 15) : age, deceased: false, emancipated: emancipatedUnder16 },
          categories: [...generated.categories, "GENERAL"],
        };
        const d = decideSigning(f);
        return !d.ok && (!!d.signerRefusal || d.refusedCategories.some((r) => r.category === "GENERAL"));
      }),
      { numRuns: 2000 },
    );
  });

  it("a parent or guardian never alone releases records of care the minor consents to themself (12–17)", () => {
    fc.assert(
      fc.property(facts, (f) => {
        fc.pre(f.signer !== "PATIENT" && !f.patient.deceased && f.patient.age >= 12 && f.patient.age < 18 && !(f.patient.emancipated && f.patient.age >= 16));
        const d = decideSigning(f);
        const own = f.categories.filter((c) => MINOR_OWN.includes(c));
        // Either the signer is refused outright, or the minor's own signature covers every such category.
        return !!d.signerRefusal || own.every((c) => d.minorSignature?.categories.includes(c) && d.initialsBy[c as Exclude<Category, "GENERAL">] === "MINOR");
      }),
      { numRuns: 2000 },
    );
  });

  it("a child under 12 never signs", () => {
    fc.assert(fc.property(facts, (f) => f.signer !== "PATIENT" || f.patient.age >= 12 || f.patient.deceased || !!decideSigning(f).signerRefusal));
  });

  it("for a patient who has died, only the executor/administrator, the health care agent or a surviving relative signs", () => {
    fc.assert(
      fc.property(facts, (f) => {
        fc.pre(f.patient.deceased);
        const d = decideSigning(f);
        return !!d.signerRefusal || ["ESTATE_EXECUTOR_OR_ADMINISTRATOR", "HEALTH_CARE_POWER_OF_ATTORNEY", "SURVIVING_RELATIVE"].includes(f.signer);
      }),
    );
  });

  it("mental health records and psychotherapy notes always bring the witness, the 740 ILCS 110/5 statements and a calendar date", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const d = decideSigning(f);
        const mental = f.categories.some((c) => MENTAL.includes(c));
        return mental === !!d.witness && mental === d.mentalHealthStatements && mental === d.calendarExpiry;
      }),
    );
  });

  it("psychotherapy notes are never authorized together with anything else", () => {
    fc.assert(fc.property(facts, (f) => !(f.categories.includes("PSYCHOTHERAPY_NOTES") && new Set(f.categories).size > 1) || (!decideSigning(f).ok && !!decideSigning(f).splitOff)));
  });

  it("the answer depends on the set of categories, not their order or repetition", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const sorted = [...new Set(f.categories)].sort();
        const a = decideSigning(f);
        const b = decideSigning({ ...f, categories: [...sorted].reverse() });
        return a.ok === b.ok && a.signerRefusal === b.signerRefusal && !!a.minorSignature === !!b.minorSignature && new Set(a.refusedCategories.map((r) => r.category)).size === new Set(b.refusedCategories.map((r) => r.category)).size;
      }),
    );
  });

  it("an adult patient asking for their own records sees no extra step", () => {
    fc.assert(
      fc.property(facts, (f) => {
        fc.pre(f.signer === "PATIENT" && f.patient.age >= 18 && !f.patient.deceased);
        const d = decideSigning(f);
        return !d.signerRefusal && d.refusedCategories.length === 0 && !d.minorSignature && d.proofs.join() === "PHOTO_ID" && !d.relativeStatement;
      }),
    );
  });

  it("signerEntitled agrees with the decision, and turning 18 ends a parent's authority", () => {
    fc.assert(fc.property(facts, (f) => signerEntitled(f).ok === decideSigning(f).ok));
    const base = { signer: "PARENT_OF_MINOR" as const, categories: ["GENERAL" as const] };
    expect(signerEntitled({ ...base, patient: { age: 17, deceased: false, emancipated: false } })).toEqual({ ok: true });
    expect(signerEntitled({ ...base, patient: { age: 18, deceased: false, emancipated: false } }).ok).toBe(false);
  });
});

describe("initials belong to the person they stand for", () => {
  it.each([
    ["JS", "Jordan Sample", true],
    ["j.a.s.", "Jordan A. Sample", true],
    ["JAS", "Jordan Sample", true],
    ["TE", "Casey Example", false],
    ["J", "Jordan Sample", false],
    ["ÉO", "Élodie O'Neil", true],
    ["ŁA", "Łukasz Ałt", true],
    ["LA", "Łukasz Ałt", true],
    ["ŁK", "Łukasz Ałt", false],
    ["NV", "Nguyễn Văn", true],
    ["ØH", "Øystein Hølmø", true],
    ["李王", "李 王", true],
  ])("%s for %s: %s", (initials, name, ok) => expect(initialsMatch(initials, name)).toBe(ok));

  it("the first and last initials of any two-word name in any script match it, and a different first letter never does", () => {
    const letter = fc.constantFrom(..."ABCÇDĐEÉFGHIJKLŁMNÑOØÖPQRSŠTUÜVWXYZŽĄĘÅÆΑΒΓДЖЯ李王".split(""));
    const word = fc.tuple(letter, fc.array(fc.constantFrom(..."abcdeéłøñöüšžąęåæжя".split("")), { maxLength: 8 })).map(([f, rest]) => f + rest.join(""));
    fc.assert(
      fc.property(word, word, (first, last) => {
        const name = `${first} ${last}`;
        expect(initialsMatch(`${[...first][0]}${[...last][0]}`, name)).toBe(true);
        expect(initialsMatch(`${[...first][0]}${[...last][0]}`.toLowerCase(), name)).toBe(true);
      }),
    );
  });
});
