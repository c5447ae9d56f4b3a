/**
 * The verification checklist staff complete before a request is verified (RULES.md §2–§4), as
 * field names and labels — decided by the request's door and the one decision for it
 * (`decideRequest` in src/domain/signing-rules.ts), not by the page (issue 17 item 6). The field
 * names are the ones the lifecycle's VERIFY requires (src/domain/lifecycle.ts).
 */
import { proofLabels, type RequestDecision } from "./signing-rules";

export type ChecklistItem = readonly [name: string, label: string];

export function verificationChecklist(decision: RequestDecision, facts: { representative: boolean; paper: boolean }): ChecklistItem[] {
  const access = decision.door === "ACCESS";
  const proofs = decision.proofs.filter((p) => p !== "PHOTO_ID").map((p) => proofLabels[p]);
  const proofText = proofs.length ? proofs.join("; ") : null;
  return [
    [
      "elementsPresent",
      access
        ? "The request for access is complete: who the patient is, which records, the form and format, the signature and date (no purpose or expiry: the right of access needs none, 45 CFR 164.524)"
        : "Every element of a valid authorization is present (what, who releases, recipient, purpose, expiration, signature and date)",
    ],
    ["identityChecked", facts.paper ? "Identity checked against the photo ID in the scan or separate sheet, or otherwise if none came" : "Identity checked against the photo ID"],
    [
      "authorityChecked",
      facts.representative
        ? `${access ? "Personal representative's" : "Representative's"} authority checked against the proof${proofText ? `: ${proofText}` : ""}`
        : proofText
          ? `Patient's emancipation checked against the proof: ${proofText}`
          : "No representative: not needed",
    ],
    [
      "specialConsentsMatch",
      access
        ? "The specially protected records included are of the patient's own care (no initials are needed on an access request); psychotherapy notes are not released through it"
        : "Specially protected categories initialed match what is asked for, with the initials of the person entitled to consent",
    ],
    ...(decision.minorSignature ? ([["minorSignatureChecked", "The patient's own signature is there, beside the signer's, in the patient's name"]] as const) : []),
    ...(decision.minorInformedNoObjection ? ([["minorInformedNoObjection", "The patient (12 to 17) was informed of this request and did not object (740 ILCS 110/4)"]] as const) : []),
  ];
}
