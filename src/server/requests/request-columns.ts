import "server-only";
import { dayToDateOnly } from "@/domain/chicago";
import type { Prisma } from "@/generated/prisma/client";
import { type AnySubmittedForm, isAccessForm, signerNameOf, signingDecisionOf, todayInChicago } from "@/domain/authorization-form";
import { authorityInSentence } from "@/domain/authority-phrase";
import { purposeLabels, relativeStatementText } from "@/domain/labels";

/**
 * The form (an authorization online or keyed from paper, or an access request), in the request
 * table's columns. An access request (issue 17) goes to the patient (SELF), with no purpose and no
 * expiry, its format, and the specially protected records of the patient's own care it includes
 * (no initialed consents); CHECKs in the migration hold every row to that.
 */
export function requestColumns(form: AnySubmittedForm, today = todayInChicago()): Omit<
  Prisma.AuthorizationRequestCreateInput,
  "confirmationNumber" | "dueAt" | "signedAt"
> {
  const access = isAccessForm(form) ? form : undefined;
  const authorization = isAccessForm(form) ? undefined : form;
  const { patient, requester, information, delivery, signature } = form;
  const recipient = authorization?.recipient ?? ({ kind: "SELF" } as const);
  const purpose = authorization?.purpose;
  const expiration = authorization?.expiration;
  const rep = requester.kind === "REPRESENTATIVE" ? requester.representative : null;
  const recipientAddress = recipient.kind === "SELF" ? null : recipient.address;
  // What the signing rules asked of this authorization (the schema already held the form to it).
  const decision = signingDecisionOf(form, today);
  const relative = rep?.authority === "SURVIVING_RELATIVE" ? rep.relative : undefined;
  const paper = signature.method === "WET_INK";
  const minorName = paper ? signature.minorName : signature.minor?.typedName;
  const minorSigned = !!decision?.minorSignature && !!minorName;
  return {
    patientFirstName: patient.firstName,
    patientMiddleName: patient.middleName ?? null,
    patientLastName: patient.lastName,
    patientOtherNames: patient.otherNames ?? null,
    patientDateOfBirth: dayToDateOnly(patient.dateOfBirth),
    patientPhone: patient.phone,
    patientEmail: patient.email ?? null,
    patientAddressLine1: patient.address.line1,
    patientAddressLine2: patient.address.line2 ?? null,
    patientCity: patient.address.city,
    patientState: patient.address.state,
    patientPostalCode: patient.address.postalCode,
    patientMrn: patient.mrn ?? null,
    patientDeceased: patient.deceased,
    patientEmancipated: patient.emancipated,

    requesterKind: requester.kind,
    representativeName: rep?.name ?? null,
    representativePhone: rep?.phone ?? null,
    representativeEmail: rep?.email ?? null,
    representativeAuthority: rep?.authority ?? null,
    representativeAuthorityDetail: rep?.authorityDetail ?? null,
    representativeRelationship: rep?.relationship ?? null,
    relativeRelationship: relative?.relationship ?? null,
    relativeNoSurvivingSpouse: relative ? relative.noSurvivingSpouse : null,
    relativeStatement: relative ? relativeStatementText({ relativeName: rep!.name, patientName: `${patient.firstName} ${patient.lastName}`, relationship: relative.relationship }) : null,

    recipientKind: recipient.kind,
    recipientName: recipient.kind === "SELF" ? null : recipient.name,
    recipientAddressLine1: recipientAddress?.line1 ?? null,
    recipientAddressLine2: recipientAddress?.line2 ?? null,
    recipientCity: recipientAddress?.city ?? null,
    recipientState: recipientAddress?.state ?? null,
    recipientPostalCode: recipientAddress?.postalCode ?? null,
    recipientPhone: recipient.kind === "MEDICAL_PROVIDER" ? recipient.phone : null,
    recipientFax: recipient.kind === "MEDICAL_PROVIDER" ? (recipient.fax ?? null) : null,
    recipientEmail: recipient.kind === "THIRD_PARTY" ? (recipient.email ?? null) : null,

    completeRecord: information.completeRecord,
    recordTypes: information.recordTypes,
    recordTypesOther: information.recordTypesOther ?? null,
    recordsFrom: information.dateFrom ? dayToDateOnly(information.dateFrom) : null,
    recordsTo: information.dateTo ? dayToDateOnly(information.dateTo) : null,

    requestKind: access ? "ACCESS" : "AUTHORIZATION",
    accessFormat: access?.format ?? null,
    accessCategories: access?.information.includeSpecial ?? [],

    purpose: purpose ? (purpose.purpose === "OTHER" ? (purpose.purposeOther ?? "Other") : purposeLabels[purpose.purpose]) : null,
    purposeCode: purpose?.purpose ?? null,
    expirationKind: expiration?.kind ?? null,
    expirationDate: expiration?.kind === "DATE" ? dayToDateOnly(expiration.date) : null,
    expirationEvent: expiration?.kind === "EVENT" ? expiration.event : null,

    deliveryMethod: delivery.method,
    deliveryEmail: delivery.method === "SECURE_EMAIL" ? delivery.email : null,
    mailAddressLine1: delivery.method === "MAIL" ? delivery.address.line1 : null,
    mailAddressLine2: delivery.method === "MAIL" ? (delivery.address.line2 ?? null) : null,
    mailCity: delivery.method === "MAIL" ? delivery.address.city : null,
    mailState: delivery.method === "MAIL" ? delivery.address.state : null,
    mailPostalCode: delivery.method === "MAIL" ? delivery.address.postalCode : null,
    pickupPhone: delivery.method === "PICKUP" ? delivery.phone : null,
    pickupBestTimes: delivery.method === "PICKUP" ? (delivery.bestTimes ?? null) : null,

    signerName: signerNameOf(form),
    signatureMethod: signature.method,
    signerAuthorityStatement: rep ? authorityInSentence(rep.authority, rep.authorityDetail) : null,
    minorConsentName: minorSigned ? minorName : null,
    minorSignatureMethod: minorSigned ? (paper ? "WET_INK" : signature.minor!.method) : null,
    minorSignatureRequired: !!decision?.minorSignature,
    minorNonObjectionRequired: !!decision?.minorInformedNoObjection,
    witnessRequired: !!decision?.witness,
  };
}

/** Where "request received" goes: the secure-link address, else the requester's own e-mail on the form. */
export function notificationAddress(form: AnySubmittedForm): string | null {
  if (form.delivery.method === "SECURE_EMAIL") return form.delivery.email;
  if (form.requester.kind === "REPRESENTATIVE") return form.requester.representative.email ?? null;
  return form.patient.email ?? null;
}
