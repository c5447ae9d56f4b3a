/**
 * The one next step on a request (issue 13): what staff should do now, from the lifecycle status
 * and what the request holds (assignee, attached records, invoice, mailing papers, the requester's
 * answer, a queued extension letter). The request page shows it first; everything else (extend
 * the deadline, reject, record a revocation) comes below. Pure.
 */
import type { RequestStatus } from "./lifecycle";

export type NextStepInput = {
  status: RequestStatus;
  assigned: boolean;
  deliveryMethod: "SECURE_EMAIL" | "MAIL" | "PICKUP";
  recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY";
  /** Staff recorded that the delivery address is the provider's (records to a provider go without a fee). */
  providerAddressVerified: boolean;
  /** The records PDF is attached and its pages counted. */
  recordsAttached: boolean;
  /** The requester answered the open deficiency. */
  deficiencyAnswered: boolean;
  /** The cover letter and label are printed (mail). */
  mailingPrepared: boolean;
  /** An extension letter waits to be mailed (no e-mail on file): the law's written notice. */
  extensionLetterWaiting: boolean;
  /** Setting releaseRequiresPayment (default on). */
  releaseRequiresPayment: boolean;
};

export type NextStepKey =
  | "MAIL_EXTENSION_LETTER"
  | "CLAIM"
  | "START_REVIEW"
  | "VERIFY"
  | "WAIT_FOR_REQUESTER"
  | "RESUME_REVIEW"
  | "VERIFY_PROVIDER_ADDRESS"
  | "ATTACH_RECORDS"
  | "ISSUE_INVOICE"
  | "RECORD_PAYMENT"
  | "RELEASE_SECURE_EMAIL"
  | "PREPARE_MAILING"
  | "MARK_MAILED"
  | "SCHEDULE_PICKUP"
  | "RECORD_PICKUP"
  | "COMPLETE"
  | "NONE";

/** Where the step's controls are on the request page. */
export type NextStepPlace = "actions" | "release" | "fees" | null;

export type NextStep = { key: NextStepKey; title: string; detail: string; place: NextStepPlace };

const STEPS: Record<NextStepKey, Omit<NextStep, "key">> = {
  MAIL_EXTENSION_LETTER: { title: "Mail the extension letter", detail: "The requester must be told of the extension in writing: print the letter (under Other actions), mail it, then mark it mailed.", place: "actions" },
  CLAIM: { title: "Claim this request", detail: "Nobody is working on it yet. Claim it, then start the review.", place: "actions" },
  START_REVIEW: { title: "Start the review", detail: "Check the authorization against the verification checklist.", place: "actions" },
  VERIFY: { title: "Verify the authorization", detail: "Complete the checklist and verify — or mark it deficient, saying what is missing.", place: "actions" },
  WAIT_FOR_REQUESTER: { title: "Wait for the requester's answer", detail: "The requester was told what is missing. Nothing to do until they answer (their answer shows here).", place: null },
  RESUME_REVIEW: { title: "Review the requester's answer", detail: "The requester answered the deficiency: read their answer under History, then resume the review.", place: "actions" },
  VERIFY_PROVIDER_ADDRESS: { title: "Confirm the provider's address", detail: "Records to a medical provider go without a fee once you record that the delivery address is the provider's.", place: "release" },
  ATTACH_RECORDS: { title: "Attach the records", detail: "Attach the records as one PDF; its pages are counted for the fees.", place: "release" },
  ISSUE_INVOICE: { title: "Compute the fees and issue the invoice", detail: "The records are attached: compute the fees and issue the invoice.", place: "fees" },
  RECORD_PAYMENT: { title: "Record the payment", detail: "The invoice is open: record the payment when it comes (check or card by phone). The records go out once it is paid.", place: "fees" },
  RELEASE_SECURE_EMAIL: { title: "Release by secure e-mail", detail: "Send the requester the secure download link.", place: "release" },
  PREPARE_MAILING: { title: "Print the cover letter and label", detail: "Create the cover letter and mailing label, then mail the records.", place: "release" },
  MARK_MAILED: { title: "Mark as mailed", detail: "Mail the records with the printed letter and label, then mark them mailed with the tracking number.", place: "release" },
  SCHEDULE_PICKUP: { title: "Call and schedule the pickup", detail: "Call the requester, log the call, and schedule when they collect the records.", place: "release" },
  RECORD_PICKUP: { title: "Record the pickup", detail: "When the records are collected, record who collected them and their photo ID.", place: "release" },
  COMPLETE: { title: "Mark complete", detail: "The records went out: mark the request complete.", place: "release" },
  NONE: { title: "Nothing more to do", detail: "This request is closed.", place: null },
};

function keyFor(r: NextStepInput): NextStepKey {
  switch (r.status) {
    case "COMPLETED":
    case "REJECTED":
    case "REVOKED":
      return "NONE";
    default:
      break;
  }
  if (r.extensionLetterWaiting) return "MAIL_EXTENSION_LETTER";
  switch (r.status) {
    case "SUBMITTED":
      return r.assigned ? "START_REVIEW" : "CLAIM";
    case "IN_REVIEW":
      return "VERIFY";
    case "DEFICIENT":
      return r.deficiencyAnswered ? "RESUME_REVIEW" : "WAIT_FOR_REQUESTER";
    case "VERIFIED":
      // To a provider: confirm the address first (then the records go without a fee); attached
      // records are attached again once it is confirmed, which moves the request on.
      if (r.recipientKind === "MEDICAL_PROVIDER" && !r.providerAddressVerified) return "VERIFY_PROVIDER_ADDRESS";
      if (!r.recordsAttached || r.recipientKind === "MEDICAL_PROVIDER") return "ATTACH_RECORDS";
      return "ISSUE_INVOICE";
    case "AWAITING_PAYMENT":
      if (r.releaseRequiresPayment) return "RECORD_PAYMENT";
      return releaseStep(r);
    case "READY_TO_RELEASE":
      return releaseStep(r);
    case "PICKUP_SCHEDULED":
      return "RECORD_PICKUP";
    case "RELEASED":
      return "COMPLETE";
  }
}

function releaseStep(r: NextStepInput): NextStepKey {
  if (r.deliveryMethod === "SECURE_EMAIL") return "RELEASE_SECURE_EMAIL";
  if (r.deliveryMethod === "MAIL") return r.mailingPrepared ? "MARK_MAILED" : "PREPARE_MAILING";
  return "SCHEDULE_PICKUP";
}

/** The single next step for a request, with where its controls are. */
export function nextStep(r: NextStepInput): NextStep {
  const key = keyFor(r);
  return { key, ...STEPS[key] };
}
