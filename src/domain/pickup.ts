/** Who may collect records at a pickup, and the photo IDs staff check (RULES.md §1 "pickup"). Pure. */
import { requesterName } from "./names";

export const PICKUP_ID_TYPES = ["DRIVERS_LICENSE", "STATE_ID", "PASSPORT", "MILITARY_ID", "PERMANENT_RESIDENT_CARD"] as const;
export type PickupIdType = (typeof PICKUP_ID_TYPES)[number];
export const pickupIdTypeLabels: Record<PickupIdType, string> = {
  DRIVERS_LICENSE: "Driver's license",
  STATE_ID: "State ID card",
  PASSPORT: "Passport",
  MILITARY_ID: "Military ID",
  PERMANENT_RESIDENT_CARD: "Permanent resident card",
};
/** Who may collect: the requester (patient or personal representative), or the recipient the authorization names. */
export type PickupCollector = "REQUESTER" | "RECIPIENT";
export type PickupEntry = { collector: string; idType: string; idLast4: string };

/** The people the authorization allows to collect, by name (the recipient only when one is named). */
export function pickupCollectors(r: Parameters<typeof requesterName>[0] & { recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY"; recipientName: string | null }): { value: PickupCollector; name: string; role: string }[] {
  const out: { value: PickupCollector; name: string; role: string }[] = [
    { value: "REQUESTER", name: requesterName(r), role: r.requesterKind === "REPRESENTATIVE" ? "the personal representative who signed" : "the patient" },
  ];
  if (r.recipientKind !== "SELF" && r.recipientName) out.push({ value: "RECIPIENT", name: r.recipientName, role: "the recipient the authorization names" });
  return out;
}
