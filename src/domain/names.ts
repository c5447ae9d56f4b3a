/** Who a request's requester is, and who its records go to, by name (pure; for PDFs and disclosures). */
type Named = {
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  representativeName: string | null;
  patientFirstName: string;
  patientLastName: string;
  recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY";
  recipientName: string | null;
};

/** The person who asked: the representative, or the patient. */
export function requesterName(r: Omit<Named, "recipientKind" | "recipientName">): string {
  return r.requesterKind === "REPRESENTATIVE" && r.representativeName ? r.representativeName : `${r.patientFirstName} ${r.patientLastName}`;
}

/** Who receives the records: the named recipient, or the requester when they go to the requester. */
export function addresseeName(r: Named): string {
  return r.recipientKind !== "SELF" && r.recipientName ? r.recipientName : requesterName(r);
}
