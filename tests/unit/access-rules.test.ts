/**
 * The right-of-access door (issue 17; docs/decisions/0018-right-of-access.md): `decideAccess` /
 * `decideRequest` swept over every age band × signer × category set × alive/deceased against the
 * authorization's decision and the law's exceptions, fast-check properties, the access form's
 * schema, and the checklist that follows the door.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessRequestSchema } from "@/domain/authorization-form";
import {
  CATEGORIES,
  type Category,
  decideAccess,
  decideRequest,
  decideSigning,
  PSYCHOTHERAPY_NOTES_NOT_ACCESS,
  SIGNER_KINDS,
  type SigningFacts,
  signerEntitled,
} from "@/domain/signing-rules";
import { verificationChecklist } from "@/domain/verification-checklist";
import { TODAY, validAccessForm } from "../support/forms";
import { problemTextIn } from "@/i18n/translator";

const CATEGORY_SETS: Category[][] = Array.from({ length: 2 ** CATEGORIES.length - 1 }, (_, i) => CATEGORIES.filter((_, bit) => (i + 1) & (1 << bit)));
const PATIENTS: SigningFacts["patient"][] = [
  ...[0, 8, 11, 12, 13, 15, 16, 17, 18, 30, 90].flatMap((age) => [false, true].map((emancipated) => ({ age, deceased: false, emancipated }))),
  ...[15, 60].flatMap((age) => ([true, false, undefined] as const).map((exists) => ({ age, deceased: true, emancipated: false, estateRepresentativeExists: exists }))),
];
const ROWS = PATIENTS.flatMap((patient) => SIGNER_KINDS.flatMap((signer) => CATEGORY_SETS.map((categories) => ({ patient, signer, categories }))));
const isMinor = (p: SigningFacts["patient"]) => !p.deceased && p.age >= 12 && p.age < 18 && !(p.emancipated && p.age >= 16);

describe("the access decision: every age band × signer × category set × alive/deceased", () => {
  it(`covers ${ROWS.length} combinations`, () => {
    expect(ROWS.length).toBeGreaterThan(10_000);
    const wrong: string[] = [];
    for (const { patient, signer, categories } of ROWS) {
      const facts: SigningFacts = { patient, signer, categories, ...(signer === "SURVIVING_RELATIVE" ? { relative: { relationship: "SPOUSE", deceasedDidNotObject: true } } : {}) };
      const access = decideAccess(facts);
      const withoutNotes = categories.filter((c) => c !== "PSYCHOTHERAPY_NOTES");
      const authorization = decideSigning({ ...facts, categories: withoutNotes });
      const label = `${JSON.stringify(patient)} ${signer} [${categories.join(",")}]`;
      // An access request never asks for a purpose, an expiry, initials, the 110/5 statements or a witness.
      if (access.purposeRequired || access.expiryRequired || access.separateInitialsRequired || access.calendarExpiry || access.mentalHealthStatements)
        wrong.push(`${label}: asks an authorization's elements`);
      if (Object.keys(access.initialsBy).length > 0 || access.witness || access.splitOff) wrong.push(`${label}: initials, witness or split-off`);
      // Who may ask is who may sign (164.502(g) and Illinois law do not change with the door).
      if (access.signerRefusal !== authorization.signerRefusal) wrong.push(`${label}: signer decision differs`);
      // Psychotherapy notes are never released through the access door (164.524(a)(1)(i)).
      const notesRefused = access.refusedCategories.some((r) => r.category === "PSYCHOTHERAPY_NOTES" && r.reason === PSYCHOTHERAPY_NOTES_NOT_ACCESS);
      if (categories.includes("PSYCHOTHERAPY_NOTES") !== notesRefused) wrong.push(`${label}: psychotherapy notes`);
      if (categories.includes("PSYCHOTHERAPY_NOTES") && access.ok) wrong.push(`${label}: ok with psychotherapy notes`);
      // 12–17: a parent's request with mental health (740 ILCS 110/4) or minor-consented care needs the minor's signature.
      const parentOfMinor = isMinor(patient) && ["PARENT_OF_MINOR", "COURT_APPOINTED_GUARDIAN", "OTHER"].includes(signer) && !patient.emancipated;
      const minorCats = withoutNotes.filter((c) => ["MENTAL_HEALTH", "HIV_AIDS", "SUBSTANCE_USE_DISORDER"].includes(c));
      if (parentOfMinor && (minorCats.length > 0) !== !!access.minorSignature) wrong.push(`${label}: minor's signature`);
      if (parentOfMinor && withoutNotes.includes("MENTAL_HEALTH") && !access.minorInformedNoObjection) wrong.push(`${label}: 740 ILCS 110/4 non-objection`);
      if (!parentOfMinor && access.minorSignature) wrong.push(`${label}: minor's signature where none is due`);
      // Otherwise the same categories are refused as for an authorization.
      const refusedOther = access.refusedCategories.filter((r) => r.category !== "PSYCHOTHERAPY_NOTES").map((r) => r.category);
      if (JSON.stringify(refusedOther) !== JSON.stringify(authorization.refusedCategories.map((r) => r.category))) wrong.push(`${label}: refused categories differ`);
      if (access.ok !== (!access.signerRefusal && access.refusedCategories.length === 0)) wrong.push(`${label}: ok`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("decideRequest keeps every authorization answer as decideSigning gives it", () => {
    for (const { patient, signer, categories } of ROWS.filter((_, i) => i % 7 === 0)) {
      const facts: SigningFacts = { patient, signer, categories };
      const { door, purposeRequired, expiryRequired, separateInitialsRequired, ...rest } = decideRequest("AUTHORIZATION", facts);
      expect({ door, purposeRequired, expiryRequired, separateInitialsRequired }).toEqual({ door: "AUTHORIZATION", purposeRequired: true, expiryRequired: true, separateInitialsRequired: true });
      expect(rest).toEqual(decideSigning(facts));
    }
  });
});

const facts = fc.record({
  patient: fc.record({ age: fc.integer({ min: 0, max: 110 }), deceased: fc.boolean(), emancipated: fc.boolean(), estateRepresentativeExists: fc.option(fc.boolean(), { nil: undefined }) }),
  signer: fc.constantFrom(...SIGNER_KINDS),
  categories: fc.array(fc.constantFrom(...CATEGORIES), { maxLength: 8 }),
});

describe("properties (fast-check)", () => {
  it("an access request never requires purpose or expiry", () => {
    fc.assert(fc.property(facts, (f) => !decideAccess(f).purposeRequired && !decideAccess(f).expiryRequired && !decideAccess(f).calendarExpiry));
  });
  it("psychotherapy notes never via the access door", () => {
    fc.assert(fc.property(facts, (f) => !f.categories.includes("PSYCHOTHERAPY_NOTES") || (!decideAccess(f).ok && signerEntitled(f, "ACCESS").ok === false)));
  });
  it("12–17 mental health follows 740 ILCS 110/4: a parent's request needs the minor's signature and non-objection", () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 17 }), fc.constantFrom("PARENT_OF_MINOR", "COURT_APPOINTED_GUARDIAN"), fc.subarray(["GENERAL", "HIV_AIDS", "GENETIC_TESTING"] as Category[]), (age, signer, others) => {
        const d = decideAccess({ patient: { age, deceased: false, emancipated: false }, signer, categories: ["MENTAL_HEALTH", ...others] });
        return d.ok && !!d.minorSignature?.categories.includes("MENTAL_HEALTH") && !!d.minorInformedNoObjection;
      }),
    );
  });
  it("specially protected records of an adult patient's own care never need initials", () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 110 }), fc.subarray(["GENERAL", "MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"] as Category[], { minLength: 1 }), (age, categories) => {
        const d = decideAccess({ patient: { age, deceased: false, emancipated: false }, signer: "PATIENT", categories });
        return d.ok && Object.keys(d.initialsBy).length === 0 && !d.witness;
      }),
    );
  });
});

describe("the access request form (accessRequestSchema)", () => {
  const parse = (form: unknown) => accessRequestSchema(TODAY).safeParse(form);
  const issues = (form: unknown) => {
    const r = parse(form);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), problemTextIn("en", i.message)]));
  };

  it("takes the patient's complete record, specially protected records included, with no purpose, expiry or initials", () => {
    const r = parse(validAccessForm());
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.information.includeSpecial).toEqual(["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"]);
  });

  it("has no place for a purpose or an expiry", () => {
    expect(Object.keys(issues({ ...validAccessForm(), purpose: { purpose: "LEGAL" } }))).toContain("");
    expect(parse({ ...validAccessForm(), expiration: { kind: "DATE", date: "2027-01-01" } }).success).toBe(false);
  });

  it("refuses psychotherapy notes with a field message that says where to go", () => {
    const form = validAccessForm();
    expect(issues({ ...form, information: { ...form.information, psychotherapyNotes: true } })["information.psychotherapyNotes"]).toBe(PSYCHOTHERAPY_NOTES_NOT_ACCESS);
  });

  it("holds every format to its delivery", () => {
    for (const [format, method, ok] of [
      ["PDF_DOWNLOAD", "SECURE_EMAIL", true],
      ["EHI_EXPORT", "SECURE_EMAIL", true],
      ["PAPER_MAIL", "SECURE_EMAIL", false],
      ["PAPER_PICKUP", "SECURE_EMAIL", false],
    ] as const) {
      const r = issues({ ...validAccessForm(), format, delivery: { method, email: "a@example.com", emailConfirm: "a@example.com" } });
      expect("format" in r, `${format} by ${method}`).toBe(!ok);
    }
    const mailed = issues({ ...validAccessForm(), format: "PAPER_MAIL", delivery: { method: "MAIL", address: { line1: "1 Main St", city: "Lisle", state: "IL", postalCode: "60532" } } });
    expect(mailed).toEqual({});
  });

  it("asks something to be described, and a parent's request for a 15-year-old's mental health records for the minor's own signature", () => {
    const form = validAccessForm();
    expect(issues({ ...form, information: { completeRecord: false, recordTypes: [], includeSpecial: [] } })["information.recordTypes"]).toMatch(/complete record/);
    const parent = {
      ...form,
      requester: { kind: "REPRESENTATIVE", representative: { name: "Riley Sample", phone: "630-555-0111", authority: "PARENT_OF_MINOR" } },
      patient: { ...form.patient, dateOfBirth: "2011-02-01" },
      signature: { typedName: "Riley Sample", method: "TYPED" },
    };
    expect(issues(parent)["signature.minor.typedName"]).toMatch(/patient is 12 to 17/);
    expect(issues({ ...parent, signature: { ...parent.signature, minor: { typedName: "Jordan Sample", method: "TYPED" } } })).toEqual({});
  });

  it("a 15-year-old asking alone gets their mental health, HIV and substance use records, not the general record", () => {
    const form = validAccessForm();
    const minor = { ...form, patient: { ...form.patient, dateOfBirth: "2011-02-01" } };
    expect(issues(minor)["information.completeRecord"]).toMatch(/parent or legal guardian/);
    expect(issues({ ...minor, information: { completeRecord: false, recordTypes: [], includeSpecial: ["MENTAL_HEALTH", "HIV_AIDS", "SUBSTANCE_USE_DISORDER"] } })).toEqual({});
  });
});

describe("the verification checklist follows the door", () => {
  it("asks the access door for no purpose or expiry, and no initials; the authorization for every element", () => {
    const f: SigningFacts = { patient: { age: 40, deceased: false, emancipated: false }, signer: "PATIENT", categories: ["GENERAL", "MENTAL_HEALTH"] };
    const access = verificationChecklist(decideRequest("ACCESS", f), { representative: false, paper: false });
    const authorization = verificationChecklist(decideRequest("AUTHORIZATION", f), { representative: false, paper: false });
    expect(access.map(([n]) => n)).toEqual(["elementsPresent", "identityChecked", "authorityChecked", "specialConsentsMatch"]);
    expect(authorization.map(([n]) => n)).toEqual(access.map(([n]) => n));
    expect(access[0]![1]).toMatch(/no purpose or expiry/);
    expect(access[3]![1]).toMatch(/no initials/);
    expect(authorization[0]![1]).toMatch(/purpose, expiration/);
  });
  it("adds the minor's signature and non-objection when the decision asks for them", () => {
    const d = decideRequest("ACCESS", { patient: { age: 14, deceased: false, emancipated: false }, signer: "PARENT_OF_MINOR", categories: ["GENERAL", "MENTAL_HEALTH"] });
    expect(verificationChecklist(d, { representative: true, paper: false }).map(([n]) => n)).toEqual([
      "elementsPresent",
      "identityChecked",
      "authorityChecked",
      "specialConsentsMatch",
      "minorSignatureChecked",
      "minorInformedNoObjection",
    ]);
  });
});
