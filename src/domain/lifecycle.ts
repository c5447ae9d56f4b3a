/**
 * The request lifecycle: one state machine that every use case asks before changing a status
 * (ARCHITECTURE.md). Pure: which step may follow which, who may take it, and what it needs.
 */
import { can, type StaffAction, type StaffRole } from "./staff-access";

export const REQUEST_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "DEFICIENT",
  "VERIFIED",
  "AWAITING_PAYMENT",
  "READY_TO_RELEASE",
  "PICKUP_SCHEDULED",
  "RELEASED",
  "COMPLETED",
  "REJECTED",
  "REVOKED",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const CLOSED_STATUSES: readonly RequestStatus[] = ["COMPLETED", "REJECTED", "REVOKED"];

export type LifecycleEvent =
  | "START_REVIEW"
  | "MARK_DEFICIENT"
  | "RESUME_REVIEW"
  | "VERIFY"
  | "REJECT"
  | "RECORDS_READY"
  | "INVOICE_ISSUED"
  | "INVOICE_VOIDED"
  | "PAYMENT_COMPLETED"
  | "SCHEDULE_PICKUP"
  | "RELEASE"
  | "COMPLETE"
  | "REVOKE";

type Transition = { from: readonly RequestStatus[]; to: RequestStatus; permission: StaffAction | "requester" };

const TRANSITIONS: Record<LifecycleEvent, Transition> = {
  START_REVIEW: { from: ["SUBMITTED"], to: "IN_REVIEW", permission: "request.process" },
  MARK_DEFICIENT: { from: ["IN_REVIEW"], to: "DEFICIENT", permission: "request.process" },
  // The requester answered a deficiency (or staff resolved it): review goes on.
  RESUME_REVIEW: { from: ["DEFICIENT"], to: "IN_REVIEW", permission: "request.process" },
  VERIFY: { from: ["IN_REVIEW"], to: "VERIFIED", permission: "request.process" },
  REJECT: { from: ["SUBMITTED", "IN_REVIEW", "DEFICIENT", "VERIFIED", "AWAITING_PAYMENT"], to: "REJECTED", permission: "request.reject" },
  // Records attached and counted, and nothing to charge (always so for a medical provider): on to release.
  RECORDS_READY: { from: ["VERIFIED"], to: "READY_TO_RELEASE", permission: "request.process" },
  // Issuing from AWAITING_PAYMENT is a reissue: the open invoice is voided by the same step.
  INVOICE_ISSUED: { from: ["VERIFIED", "AWAITING_PAYMENT"], to: "AWAITING_PAYMENT", permission: "invoice.issue" },
  INVOICE_VOIDED: { from: ["AWAITING_PAYMENT"], to: "VERIFIED", permission: "invoice.issue" },
  PAYMENT_COMPLETED: { from: ["AWAITING_PAYMENT"], to: "READY_TO_RELEASE", permission: "payment.record" },
  // AWAITING_PAYMENT only when the "release requires payment" policy is off (checked below).
  SCHEDULE_PICKUP: { from: ["READY_TO_RELEASE", "AWAITING_PAYMENT"], to: "PICKUP_SCHEDULED", permission: "request.process" },
  RELEASE: { from: ["READY_TO_RELEASE", "PICKUP_SCHEDULED", "AWAITING_PAYMENT"], to: "RELEASED", permission: "request.process" },
  COMPLETE: { from: ["RELEASED"], to: "COMPLETED", permission: "request.process" },
  // A written revocation stops everything not yet released (RULES.md §2).
  REVOKE: { from: ["SUBMITTED", "IN_REVIEW", "DEFICIENT", "VERIFIED", "AWAITING_PAYMENT", "READY_TO_RELEASE", "PICKUP_SCHEDULED"], to: "REVOKED", permission: "requester" },
};

export type VerificationChecklist = {
  elementsPresent: boolean;
  identityChecked: boolean;
  authorityChecked: boolean;
  specialConsentsMatch: boolean;
  /** The minor's own signature seen beside the signer's (when the signing rules required it). */
  minorSignatureChecked?: boolean;
  /** 740 ILCS 110/4: the minor was informed and did not object. */
  minorInformedNoObjection?: boolean;
  /** 740 ILCS 110/5: who attested to the signer's identity, and how (src/domain/signing-rules.ts WITNESS_METHODS). */
  witnessName?: string;
  witnessMethod?: string;
};

/** What the signing rules ask verification to record for this request (src/domain/signing-rules.ts). */
export type SigningRequirements = { minorSignature: boolean; minorInformedNoObjection: boolean; witness: boolean; authority: boolean; refusal?: string };

export type TransitionContext = {
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  deliveryMethod: "SECURE_EMAIL" | "MAIL" | "PICKUP";
  recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY";
  checklist?: VerificationChecklist;
  /** VERIFY: what the signing rules require of this request. */
  signing?: SigningRequirements;
  reason?: string;
  /** RECORDS_READY: the fee computed for the attached records (absent: not computed). */
  feeCents?: number;
  /** The policy flag (RULES.md §6): records to anyone but a provider wait for payment. Default on. */
  releaseRequiresPayment?: boolean;
};

export type Decision = { ok: true; to: RequestStatus } | { ok: false; reason: string };

/** Whether `actor` may take `event` from `status`, and where it leads. */
export function decide(status: RequestStatus, event: LifecycleEvent, actor: { role: StaffRole } | "requester", context: TransitionContext): Decision {
  const t = TRANSITIONS[event];
  if (t.permission === "requester" ? actor !== "requester" : actor === "requester" || !can(actor.role, t.permission))
    return { ok: false, reason: "Your role does not allow this step." };
  if (!t.from.includes(status)) return { ok: false, reason: `This step is not possible while the request is ${statusLabels[status].toLowerCase()}.` };

  if (event === "VERIFY") {
    const c = context.checklist;
    const s = context.signing;
    const authorityNeeded = context.requesterKind === "REPRESENTATIVE" || !!s?.authority;
    if (s?.refusal) return { ok: false, reason: `This authorization cannot be verified: ${s.refusal}` };
    if (!c || !c.elementsPresent || !c.identityChecked || !c.specialConsentsMatch || (authorityNeeded && !c.authorityChecked))
      return { ok: false, reason: "Complete every item of the verification checklist first." };
    if (s?.minorSignature && !c.minorSignatureChecked)
      return { ok: false, reason: "Check the patient's own signature beside the signer's: these records need it." };
    if (s?.minorInformedNoObjection && !c.minorInformedNoObjection)
      return { ok: false, reason: "Record that the patient (12 to 17) was informed and did not object (740 ILCS 110/4) before verifying." };
    if (s?.witness && (!c.witnessName?.trim() || !c.witnessMethod?.trim()))
      return { ok: false, reason: "Record who attested to the signer's identity, and how (740 ILCS 110/5), before verifying." };
  }
  if ((event === "MARK_DEFICIENT" || event === "REJECT") && !context.reason?.trim()) return { ok: false, reason: "Give the reason: the requester is told." };
  if (event === "SCHEDULE_PICKUP" && context.deliveryMethod !== "PICKUP") return { ok: false, reason: "Only pickup requests are scheduled." };
  if (event === "RECORDS_READY" && context.recipientKind !== "MEDICAL_PROVIDER" && context.feeCents !== 0)
    return { ok: false, reason: "Issue the invoice first: these records are released once it is paid." };
  if ((event === "RELEASE" || event === "SCHEDULE_PICKUP") && status === "AWAITING_PAYMENT" && context.releaseRequiresPayment !== false)
    return { ok: false, reason: "The invoice is not paid yet: records are released once it is paid." };
  return { ok: true, to: t.to };
}

/** The events a staff role could take from a status (for showing the right buttons). */
export function availableEvents(status: RequestStatus, role: StaffRole): LifecycleEvent[] {
  return (Object.keys(TRANSITIONS) as LifecycleEvent[]).filter((e) => {
    const t = TRANSITIONS[e];
    return t.permission !== "requester" && t.from.includes(status) && can(role, t.permission);
  });
}

export const statusLabels: Record<RequestStatus, string> = {
  SUBMITTED: "Submitted",
  IN_REVIEW: "In review",
  DEFICIENT: "Deficient",
  VERIFIED: "Verified",
  AWAITING_PAYMENT: "Awaiting payment",
  READY_TO_RELEASE: "Ready to release",
  PICKUP_SCHEDULED: "Pickup scheduled",
  RELEASED: "Released",
  COMPLETED: "Completed",
  REJECTED: "Rejected",
  REVOKED: "Revoked",
};
