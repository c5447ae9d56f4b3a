/**
 * Who signs what, on the real database: what issue 11 found broken can be saved and verified now
 * (psychotherapy notes alone, any special category alone, the minor's own signature, the
 * witness, surviving relatives), and each database constraint that mirrors a signing rule
 * refuses a row the rule would refuse.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorizationFormInput, PaperAuthorizationFormInput } from "@/domain/authorization-form";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { transitionRequest } from "@/server/staff/requests";
import { makeSignedAuthorizationPdf } from "@/server/requests/signed-pdf";
import { fileStore } from "@/server/storage";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPaperForm, validPatientForm } from "../support/forms";
import { pdfText } from "../support/pdf-text";
import { testPrisma } from "./db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const now = new Date("2026-11-25T16:00:00Z");
let staff: StaffIdentity;

beforeAll(async () => {
  const user = await prisma.staffUser.create({ data: { email: `signing-${randomUUID()}@example.com`, name: "Signing Verifier", role: "ASSOCIATE", passwordHash: "x" } });
  staff = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
});

const drawnPng = `data:image/png;base64,${photoPng().toString("base64")}`;

async function submit(form: AuthorizationFormInput, proof = false) {
  const result = await submitAuthorization({
    payload: form,
    idempotencyKey: randomUUID(),
    photoId: fileOf(photoPng(), "id.png", "image/png"),
    authorityProof: proof ? [fileOf(await samplePdf("Birth certificate"), "proof.pdf", "application/pdf")] : [],
    clientKey: `signing-${randomUUID()}`,
    clientToken: randomUUID(),
    now,
  });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  // The worker's job: the signed PDF is drawn after commit (decision 0021).
  await makeSignedAuthorizationPdf(result.requestId);
  return prisma.authorizationRequest.findUniqueOrThrow({ where: { id: result.requestId }, include: { specialConsents: true, documents: true } });
}

async function signedPdfText(request: { documents: { kind: string; storageKey: string; sha256: string }[] }) {
  const doc = request.documents.find((d) => d.kind === "SIGNED_AUTHORIZATION")!;
  return pdfText(await fileStore().get(doc.storageKey, doc.sha256));
}

function patientForm(lastName: string, change: (f: AuthorizationFormInput) => void): AuthorizationFormInput {
  const f = validPatientForm();
  f.patient.firstName = "Jordan";
  f.patient.lastName = lastName;
  f.signature.typedName = `Jordan ${lastName}`;
  change(f);
  return f;
}

/** A parent of a 15-year-old (on 2026-11-25) asking for mental health and substance use treatment records. */
function parentForm(lastName: string): AuthorizationFormInput {
  const f = validPatientForm();
  f.requester = { kind: "REPRESENTATIVE", representative: { name: `Taylor ${lastName}`, phone: "630-555-0122", authority: "PARENT_OF_MINOR" } };
  Object.assign(f.patient, { firstName: "Casey", lastName, dateOfBirth: "2011-06-01" });
  f.information = { completeRecord: false, recordTypes: ["IMMUNIZATIONS"], specialCategories: { MENTAL_HEALTH: "CM", SUBSTANCE_USE_DISORDER: "CM" } };
  f.signature.typedName = `Taylor ${lastName}`;
  f.signature.acknowledgeMentalHealth = true;
  f.signature.minor = { typedName: `Casey ${lastName}`, method: "DRAWN", drawn: drawnPng };
  return f;
}

const verify = (id: string, version: number, extra: object = {}) =>
  transitionRequest(staff, id, version, "VERIFY", {
    checklist: { elementsPresent: true, identityChecked: true, authorityChecked: true, specialConsentsMatch: true, ...extra },
  });

describe("what could not be saved is saved (issue 11)", () => {
  it("psychotherapy notes alone, online: saved, with the 740 ILCS 110/5 statements and witness on the signed PDF", async () => {
    const r = await submit(
      patientForm("Notesonly", (f) => {
        f.information = { completeRecord: false, recordTypes: [], specialCategories: {}, psychotherapyNotes: "JN" };
        f.signature.acknowledgeMentalHealth = true;
      }),
    );
    expect(r.specialConsents.map((c) => c.category)).toEqual(["PSYCHOTHERAPY_NOTES"]);
    expect(r).toMatchObject({ completeRecord: false, recordTypes: [], witnessRequired: true, minorSignatureRequired: false });
    const text = await signedPdfText(r);
    expect(text).toMatch(/inspect and copy/);
    expect(text).toMatch(/refuse to sign this consent/);
    expect(text).toMatch(/Consent expires on/);
    expect(text).toMatch(/Witness to the signer's identity/);
  });

  it.each(["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"] as const)("%s alone, online: saved", async (category) => {
    const name = `Alone${category.slice(0, 3).toLowerCase()}`;
    const r = await submit(
      patientForm(name.charAt(0).toUpperCase() + name.slice(1), (f) => {
        f.information = { completeRecord: false, recordTypes: [], specialCategories: { [category]: "JA" } };
        f.signature.acknowledgeMentalHealth = true;
      }),
    );
    expect(r.specialConsents.map((c) => c.category)).toEqual([category]);
    expect(r.witnessRequired).toBe(category === "MENTAL_HEALTH");
  });

  it("psychotherapy notes alone, keyed in from paper: saved", async () => {
    const form: PaperAuthorizationFormInput = validPaperForm();
    form.information = { completeRecord: false, recordTypes: [], specialCategories: {}, psychotherapyNotes: "AP" };
    const result = await keyPaperAuthorization(staff, {
      payload: form,
      idempotencyKey: randomUUID(),
      photoId: null,
      authorityProof: [],
      paperFormScan: fileOf(await samplePdf("Signed paper form"), "scan.pdf", "application/pdf"),
      now,
    });
    expect(result.ok).toBe(true);
  });
});

describe("the minor's own signature and the witness", () => {
  it("a parent's request for a 15-year-old's mental health and substance use records stores both signatures, and verification waits for the witness and the minor's non-objection", async () => {
    const r = await submit(parentForm("Minorsigns"), true);
    expect(r).toMatchObject({
      minorConsentName: "Casey Minorsigns",
      minorSignatureMethod: "DRAWN",
      minorSignatureRequired: true,
      minorNonObjectionRequired: true,
      witnessRequired: true,
    });
    expect(r.documents.map((d) => d.kind).sort()).toEqual(["AUTHORITY_PROOF", "MINOR_SIGNATURE_IMAGE", "PHOTO_ID", "SIGNED_AUTHORIZATION"]);
    const text = await signedPdfText(r);
    expect(text).toMatch(/The patient's own signature/);
    expect(text).toContain("Casey Minorsigns");
    expect(text).not.toMatch(/Agreed by/);

    expect(await transitionRequest(staff, r.id, r.version, "START_REVIEW")).toEqual({ ok: true });
    const v = r.version + 1;
    expect(await verify(r.id, v)).toEqual({ ok: false, message: expect.stringMatching(/patient's own signature/) });
    expect(await verify(r.id, v, { minorSignatureChecked: true })).toEqual({ ok: false, message: expect.stringMatching(/informed and did not object/) });
    expect(await verify(r.id, v, { minorSignatureChecked: true, minorInformedNoObjection: true })).toEqual({ ok: false, message: expect.stringMatching(/attested to the signer's identity/) });
    expect(await verify(r.id, v, { minorSignatureChecked: true, minorInformedNoObjection: true, witnessName: "Dana Associate", witnessMethod: "MADE_UP" })).toEqual({
      ok: false,
      message: expect.stringMatching(/how the signer's identity was attested/),
    });
    expect(await verify(r.id, v, { minorSignatureChecked: true, minorInformedNoObjection: true, witnessName: "Dana Associate", witnessMethod: "PHOTO_ID_VIDEO" })).toEqual({ ok: true });
    const after = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(after).toMatchObject({ status: "VERIFIED", witnessName: "Dana Associate", witnessMethod: "PHOTO_ID_VIDEO", witnessRecordedById: staff.id, minorInformedRecordedById: staff.id });
  });

  it("a surviving relative's request stores the written statement and prints it", async () => {
    const f = patientForm("Relative", () => undefined);
    f.requester = {
      kind: "REPRESENTATIVE",
      representative: {
        name: "Robin Relative",
        phone: "630-555-0133",
        authority: "SURVIVING_RELATIVE",
        relative: { relationship: "ADULT_CHILD", noEstateRepresentative: true, noSurvivingSpouse: true, noObjection: true },
      },
    };
    f.patient.deceased = true;
    f.signature.typedName = "Robin Relative";
    const r = await submit(f, true);
    expect(r).toMatchObject({ representativeAuthority: "SURVIVING_RELATIVE", relativeRelationship: "ADULT_CHILD", relativeNoSurvivingSpouse: true, patientDeceased: true });
    expect(r.relativeStatement).toMatch(/No executor or administrator/);
    expect(await signedPdfText(r)).toMatch(/Authorized relative's statement \(735 ILCS 5\/8-2001\.5\)/);
  });
});

describe("the database refuses what the signing rules refuse", () => {
  const refused = async (write: () => Promise<unknown>, constraint: string) => {
    await expect(write()).rejects.toThrow(new RegExp(constraint));
  };
  const plain = () => submit(patientForm(`Db${randomUUID().slice(0, 6).replace(/[^a-z]/gi, "x")}`, () => undefined));

  it("a request describing no records at all (checked at commit)", async () => {
    const r = await plain();
    await refused(() => prisma.authorizationRequest.update({ where: { id: r.id }, data: { recordTypes: [] } }), "records_described|describes no records");
  });

  it("a special category alone whose consent is deleted (checked at commit)", async () => {
    const r = await submit(patientForm("Dbdelete", (f) => (f.information = { completeRecord: false, recordTypes: [], specialCategories: { HIV_AIDS: "JD" } })));
    await refused(() => prisma.specialCategoryConsent.deleteMany({ where: { requestId: r.id } }), "records_described");
  });

  it("psychotherapy notes with anything else", async () => {
    const r = await plain();
    await refused(
      () => prisma.specialCategoryConsent.create({ data: { requestId: r.id, category: "PSYCHOTHERAPY_NOTES", initials: "JD" } }),
      "psychotherapy notes are authorized alone",
    );
  });

  it("mental health records without the witness requirement", async () => {
    const r = await plain();
    await refused(() => prisma.specialCategoryConsent.create({ data: { requestId: r.id, category: "MENTAL_HEALTH", initials: "JD" } }), "need a witness");
  });

  it("a required minor's signature that is missing, or of the wrong kind for the channel", async () => {
    const r = await plain();
    await refused(() => prisma.authorizationRequest.update({ where: { id: r.id }, data: { minorSignatureRequired: true } }), "AuthorizationRequest_minor_signature");
    await refused(
      () => prisma.authorizationRequest.update({ where: { id: r.id }, data: { minorConsentName: "Casey Db", minorSignatureMethod: "WET_INK" } }),
      "AuthorizationRequest_minor_signature_method",
    );
  });

  it("verified without the witness, or without the minor's non-objection", async () => {
    const r = await plain();
    await refused(() => prisma.authorizationRequest.update({ where: { id: r.id }, data: { witnessRequired: true, status: "VERIFIED" } }), "AuthorizationRequest_witness_before_verified");
    await refused(
      () => prisma.authorizationRequest.update({ where: { id: r.id }, data: { minorNonObjectionRequired: true, status: "VERIFIED" } }),
      "AuthorizationRequest_minor_informed_before_verified",
    );
  });

  it("a parent, guardian or the patient for a patient who has died; an executor or relative for a living one", async () => {
    const r = await plain();
    await refused(() => prisma.authorizationRequest.update({ where: { id: r.id }, data: { patientDeceased: true } }), "AuthorizationRequest_deceased_signer");
    await refused(
      () =>
        prisma.authorizationRequest.update({
          where: { id: r.id },
          data: { requesterKind: "REPRESENTATIVE", representativeName: "Pat Parent", representativeAuthority: "PARENT_OF_MINOR", patientDeceased: true },
        }),
      "AuthorizationRequest_deceased_signer",
    );
    await refused(
      () =>
        prisma.authorizationRequest.update({
          where: { id: r.id },
          data: { requesterKind: "REPRESENTATIVE", representativeName: "Eve Executor", representativeAuthority: "ESTATE_EXECUTOR_OR_ADMINISTRATOR", patientDeceased: false },
        }),
      "AuthorizationRequest_deceased_signer",
    );
  });

  it("a surviving relative without the statement, or a child over a surviving spouse", async () => {
    const r = await plain();
    const relative = { requesterKind: "REPRESENTATIVE" as const, representativeName: "Robin Db", representativeAuthority: "SURVIVING_RELATIVE" as const, patientDeceased: true };
    await refused(() => prisma.authorizationRequest.update({ where: { id: r.id }, data: relative }), "AuthorizationRequest_surviving_relative");
    await refused(
      () => prisma.authorizationRequest.update({ where: { id: r.id }, data: { ...relative, relativeRelationship: "ADULT_CHILD", relativeStatement: "I certify…", relativeNoSurvivingSpouse: false } }),
      "AuthorizationRequest_surviving_relative",
    );
    await expect(
      prisma.authorizationRequest.update({ where: { id: r.id }, data: { ...relative, relativeRelationship: "SPOUSE", relativeStatement: "I certify…" } }),
    ).resolves.toMatchObject({ relativeRelationship: "SPOUSE" });
  });

  it("an emancipated patient's records signed by someone else", async () => {
    const r = await plain();
    await refused(
      () =>
        prisma.authorizationRequest.update({
          where: { id: r.id },
          data: { patientEmancipated: true, requesterKind: "REPRESENTATIVE", representativeName: "Pat Parent", representativeAuthority: "COURT_APPOINTED_GUARDIAN" },
        }),
      "AuthorizationRequest_emancipated_signs",
    );
  });
});
