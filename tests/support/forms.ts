import type { AccessRequestFormInput, AuthorizationFormInput, PaperAccessRequestFormInput, PaperAuthorizationFormInput } from "@/domain/authorization-form";

/** A complete, valid patient request (fictional person), signed "today" = 2026-11-25. */
export const TODAY = "2026-11-25";

export function validPatientForm(): AuthorizationFormInput {
  return {
    release: { source: "THIS_GROUP" },
    requester: { kind: "PATIENT" },
    patient: {
      firstName: "Jordan",
      lastName: "Sample",
      dateOfBirth: "1984-03-14",
      phone: "630-555-0100",
      email: "jordan.sample@example.com",
      address: { line1: "100 Example Street", city: "Naperville", state: "IL", postalCode: "60540" },
      deceased: false,
    },
    recipient: { kind: "SELF" },
    information: {
      completeRecord: false,
      recordTypes: ["LAB_RESULTS", "VISIT_NOTES"],
      dateFrom: "2024-01-01",
      dateTo: "2025-12-31",
      specialCategories: {},
    },
    purpose: { purpose: "AT_REQUEST_OF_INDIVIDUAL" },
    expiration: { kind: "DATE", date: "2027-11-25" },
    delivery: { method: "SECURE_EMAIL", email: "jordan.sample@example.com", emailConfirm: "Jordan.Sample@example.com" },
    signature: {
      typedName: "Jordan A. Sample",
      method: "TYPED",
      acknowledgeRevocation: true,
      acknowledgeNoConditioning: true,
      acknowledgeRedisclosure: true,
      acknowledgeFees: true,
    },
  };
}

/** A power-of-attorney agent asking for an adult patient's records by mail. */
export function validRepresentativeForm(): AuthorizationFormInput {
  const form = validPatientForm();
  return {
    ...form,
    requester: {
      kind: "REPRESENTATIVE",
      representative: { name: "Riley Placeholder", phone: "630-555-0111", email: "riley@example.com", authority: "HEALTH_CARE_POWER_OF_ATTORNEY" },
    },
    patient: { ...form.patient, firstName: "Morgan", lastName: "Placeholder", dateOfBirth: "1941-07-02", email: undefined },
    delivery: { method: "MAIL", address: { line1: "200 Sample Avenue", city: "Wheaton", state: "IL", postalCode: "60187" } },
    signature: { ...form.signature, typedName: "Riley Placeholder" },
  };
}

/**
 * A patient's paper form (fictional person): signed on 2026-11-18, received by mail on
 * 2026-11-20, keyed in "today" (2026-11-25). The same answers as the online form's sections.
 */
export function validPaperForm(): PaperAuthorizationFormInput {
  const online = validPatientForm();
  const sections = { requester: online.requester, patient: online.patient, recipient: online.recipient, information: online.information, purpose: online.purpose, expiration: online.expiration, delivery: online.delivery };
  return {
    paper: { receivedOn: "2026-11-20", receivedVia: "MAIL" },
    ...sections,
    patient: { ...sections.patient, firstName: "Avery", lastName: "Paperform", email: "avery.paperform@example.com" },
    delivery: { method: "SECURE_EMAIL", email: "avery.paperform@example.com", emailConfirm: "avery.paperform@example.com" },
    signature: { method: "WET_INK", signerName: "Avery Paperform", signedOn: "2026-11-18" },
  };
}

/** A patient's own request through the right-of-access door (issue 17): the complete record, as a PDF download, signed "today". */
export function validAccessForm(): AccessRequestFormInput {
  const form = validPatientForm();
  return {
    door: "ACCESS",
    requester: { kind: "PATIENT" },
    patient: form.patient,
    information: { completeRecord: true, recordTypes: [], includeSpecial: ["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"] },
    format: "PDF_DOWNLOAD",
    delivery: { method: "SECURE_EMAIL", email: "jordan.sample@example.com", emailConfirm: "jordan.sample@example.com" },
    signature: { typedName: "Jordan Sample", method: "TYPED" },
  };
}

/**
 * The printed "Request for access to my own health records", faxed in and keyed by staff (decision
 * 0018): the access door's answers, paper by mail, signed on 2026-11-18, received on 2026-11-20.
 */
export function validPaperAccessForm(): PaperAccessRequestFormInput {
  const online = validAccessForm();
  const access = { door: online.door, requester: online.requester, patient: online.patient, information: online.information };
  return {
    ...access,
    paper: { receivedOn: "2026-11-20", receivedVia: "FAX" },
    format: "PAPER_MAIL",
    delivery: { method: "MAIL", address: access.patient.address },
    signature: { method: "WET_INK", signerName: "Jordan Sample", signedOn: "2026-11-18" },
  };
}
