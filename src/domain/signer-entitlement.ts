/**
 * SEAM — "is the signer still entitled to authorize this release?" (issue 12, validity element 4).
 *
 * Issue 11 builds the one pure decision for who may sign (minors, special categories, witness,
 * third parties). Until it lands, this calls the signer rules that exist today (the
 * representative-authority rules of src/domain/authorization-form.ts), evaluated on the day of use
 * rather than the day of signing: a parent's authority ends when the child turns 18; an executor
 * acts only for a deceased patient. Replace the body with issue 11's decision; keep the signature.
 */
import { ageOn } from "./authorization-form";

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
