/**
 * Whether an authorization is valid at a given moment (45 CFR 164.508(b)(2), (b)(5), (c); RULES.md
 * §2 and §5): not expired, not revoked, every core element present, the signer still entitled.
 * The one function verification calls and every release calls again inside its transaction
 * (src/server/staff/validity.ts). Pure.
 */
import { dateOnlyToDay, todayInChicago } from "./chicago";
import { isRealExpirationEvent } from "./expiration";
import { signerEntitlementProblem, type SignerFacts, signingDecisionProblem } from "./signer-entitlement";
import type { StoredSigningRecord } from "./signing-rules";

export { isRealExpirationEvent };

export type AuthorizationFacts = SignerFacts & {
  status: string;
  /** The door (issue 17): an access request (45 CFR 164.524) has no purpose and no expiry to check. Absent: an authorization. */
  requestKind?: "ACCESS" | "AUTHORIZATION";
  /** An access request's specially protected records of the patient's own care (they describe records too). */
  accessCategories?: readonly string[];
  expirationKind: "DATE" | "EVENT" | null;
  /** `@db.Date` value. */
  expirationDate: Date | null;
  expirationEvent: string | null;
  /** When a written revocation was received (the earliest), if any. */
  revokedAt: Date | null;
  completeRecord: boolean;
  recordTypes: readonly string[];
  psychotherapyNotes: boolean;
  recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY";
  recipientName: string | null;
  purpose: string | null;
  signerName: string;
  signedAt: Date | null;
  signerAuthorityStatement: string | null;
  /** The stored signing record, for issue 11's decision (src/domain/signing-rules.ts); without it the basic rules apply. */
  signing?: StoredSigningRecord;
};

export type ValidityProblem = { code: "EXPIRED" | "REVOKED" | "MISSING_ELEMENT" | "SIGNER_NOT_ENTITLED"; message: string };
export type Validity = { valid: true } | { valid: false; problems: ValidityProblem[] };

export function authorizationValidity(f: AuthorizationFacts, now: Date): Validity {
  const today = todayInChicago(now);
  const problems: ValidityProblem[] = [];
  if (f.revokedAt) problems.push({ code: "REVOKED", message: "The authorization was revoked in writing: nothing more may be released under it." });
  else if (f.status === "REVOKED") problems.push({ code: "REVOKED", message: "The authorization was revoked in writing: nothing more may be released under it." });
  const access = f.requestKind === "ACCESS";
  if (access) {
    // The right of access does not expire and states no purpose (decision 0018).
  } else if (f.expirationKind === null) {
    problems.push({ code: "MISSING_ELEMENT", message: "The authorization has no expiration date or event." });
  } else if (f.expirationKind === "DATE") {
    if (!f.expirationDate) problems.push({ code: "MISSING_ELEMENT", message: "The authorization has no expiration date or event." });
    else if (dateOnlyToDay(f.expirationDate) < today) problems.push({ code: "EXPIRED", message: `The authorization expired on ${dateOnlyToDay(f.expirationDate)}: the requester must sign a new one.` });
  } else if (!isRealExpirationEvent(f.expirationEvent)) {
    problems.push({ code: "MISSING_ELEMENT", message: "The expiration event names no event (for example “never”): the authorization has no valid expiration. Ask for a new one." });
  }
  if (!f.completeRecord && f.recordTypes.length === 0 && !f.psychotherapyNotes && (f.accessCategories?.length ?? 0) === 0)
    problems.push({ code: "MISSING_ELEMENT", message: `The ${access ? "request" : "authorization"} does not describe the information to release.` });
  if (f.recipientKind !== "SELF" && !f.recipientName?.trim()) problems.push({ code: "MISSING_ELEMENT", message: "The authorization does not name who receives the records." });
  if (!access && !f.purpose?.trim()) problems.push({ code: "MISSING_ELEMENT", message: "The authorization does not state the purpose." });
  if (!f.signerName.trim() || !f.signedAt) problems.push({ code: "MISSING_ELEMENT", message: "The authorization is not signed and dated." });
  if (f.requesterKind === "REPRESENTATIVE" && !f.signerAuthorityStatement?.trim()) problems.push({ code: "MISSING_ELEMENT", message: "A representative signed without a description of their authority." });
  const signer = (f.signing ? signingDecisionProblem(f.signing, today) : null) ?? signerEntitlementProblem(f, today);
  if (signer) problems.push({ code: "SIGNER_NOT_ENTITLED", message: signer });
  return problems.length ? { valid: false, problems } : { valid: true };
}

/** One sentence for staff: why the release is refused. */
export function validityMessage(v: Validity): string {
  return v.valid ? "" : `This authorization is not valid now, so nothing can be released under it: ${v.problems.map((p) => p.message).join(" ")}`;
}
