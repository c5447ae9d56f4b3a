/**
 * SEAM — "is the signer still entitled to authorize this release?" (issue 12, validity element 4).
 *
 * With the stored request's signing record, this is issue 11's one decision for who may sign
 * (`decideSigning` in src/domain/signing-rules.ts), judged on the day of use rather than the day of
 * signing. Without it (a caller that has only the basic facts), the representative-authority
 * rules: a parent's authority ends when the child turns 18; an executor acts only for a deceased
 * patient.
 */
import { ageOn } from "./authorization-form";
import { decideStoredRequest, type StoredSigningRecord } from "./signing-rules";

/** Issue 11's decision on the day of use: null when the signer may still sign this authorization, else why not. */
export function signingDecisionProblem(record: StoredSigningRecord, day: string): string | null {
  const d = decideStoredRequest(record, day);
  return d.signerRefusal ?? d.refusedCategories[0]?.reason ?? null;
}

export type SignerFacts = {
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  representativeAuthority: string | null;
  /** The patient's date of birth, YYYY-MM-DD. */
  patientDateOfBirth: string;
  patientDeceased: boolean;
};

/** null when entitled, else what is wrong (for staff). */
export function signerEntitlementProblem(f: SignerFacts, day: string): string | null {
  if (f.requesterKind === "PATIENT") {
    if (f.patientDeceased) return "The patient has died: only an executor, administrator or the relative the law names can authorize a release now.";
    return null;
  }
  const age = ageOn(f.patientDateOfBirth, day);
  if (!f.representativeAuthority) return "The representative's authority is not stated.";
  if (f.representativeAuthority === "PARENT_OF_MINOR" && age >= 18) return "The patient is 18 or older now: a parent's authority has ended. The patient must sign a new authorization.";
  if (f.representativeAuthority === "ESTATE_EXECUTOR_OR_ADMINISTRATOR" && !f.patientDeceased) return "An executor or administrator acts only for a deceased patient.";
  return null;
}
