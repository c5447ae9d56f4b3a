/**
 * Who may revoke an authorization (45 CFR 164.508(b)(5); RULES.md §5): the patient or the personal
 * representative, in writing — never the recipient. Pure.
 */
import { namesMatch } from "./authorization-form";
import { requesterName } from "./names";

type Parties = {
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  representativeName: string | null;
  patientFirstName: string;
  patientLastName: string;
  recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY";
  deliveryEmail: string | null;
};

/**
 * The portal's sign-in code proves control of the e-mail it went to: that proves who the person is
 * only when the address is the requester's own. When the records (and so the code) go to someone
 * else's address — an attorney, an insurer — the portal cannot tell the patient from the recipient,
 * so revocation there is refused and the patient or representative sends a signed letter.
 */
export function portalCanRevoke(r: Pick<Parties, "recipientKind" | "deliveryEmail">): boolean {
  return !(r.deliveryEmail && r.recipientKind !== "SELF");
}

/** The signer named on a revocation must be the patient or the personal representative on file. */
export function revocationSignerProblem(r: Parties, signerKind: "PATIENT" | "REPRESENTATIVE", signerName: string): string | null {
  if (signerKind === "REPRESENTATIVE") {
    if (r.requesterKind !== "REPRESENTATIVE" || !r.representativeName) return "No personal representative is on file for this request: only the patient can revoke it.";
    if (!namesMatch(signerName, r.representativeName)) return `The signer must be the personal representative on file (${r.representativeName}).`;
    return null;
  }
  const patient = `${r.patientFirstName} ${r.patientLastName}`;
  if (!namesMatch(signerName, patient)) return `The signer must be the patient (${patient})${r.requesterKind === "REPRESENTATIVE" ? ` or the personal representative (${requesterName(r)})` : ""}.`;
  return null;
}

export const REVOCATION_BY_LETTER =
  "To revoke, the patient or personal representative sends a signed letter to Record Connect by mail or fax; staff record it on receipt.";
