/** Who may collect records at a pickup, and the photo IDs staff check (RULES.md §1 "pickup"). Pure. */
import { addCalendarDays, CHICAGO, chicagoDay } from "./chicago";
import { requesterName } from "./names";
import { organization } from "./organization";

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

/** How long after the agreed time the requester may come (the "window" the portal gives). */
export const PICKUP_WINDOW_MINUTES = 30;

export type PickupInstructions = {
  where: string;
  /** "Tuesday, December 1, 2026". */
  day: string;
  /** "10:00 AM to 10:30 AM (Central Time)". */
  window: string;
  /** "today" or "tomorrow" when the pickup is that close (in Chicago), so the page can say so first. */
  soon: "today" | "tomorrow" | null;
  hours: string;
  bring: readonly string[];
  whoMayCollect: string;
  cannotCome: string;
};

const chicagoTime = (d: Date) => new Intl.DateTimeFormat("en-US", { timeZone: CHICAGO, hour: "numeric", minute: "2-digit" }).format(d);

/**
 * What a requester needs to collect scheduled records (issue 13): where, the day and time window in
 * America/Chicago, what to bring, and who may collect. Pure; the portal shows it, and the seed's
 * urgent pickup is described by it.
 */
export function pickupInstructions(scheduledFor: Date, now: Date = new Date()): PickupInstructions {
  const end = new Date(scheduledFor.getTime() + PICKUP_WINDOW_MINUTES * 60_000);
  const day = new Intl.DateTimeFormat("en-US", { timeZone: CHICAGO, weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(scheduledFor);
  const today = chicagoDay(now);
  const pickupDay = chicagoDay(scheduledFor);
  return {
    where: organization.pickupPlace,
    day,
    window: `${chicagoTime(scheduledFor)} to ${chicagoTime(end)} (Central Time)`,
    soon: pickupDay === today ? "today" : pickupDay === addCalendarDays(today, 1) ? "tomorrow" : null,
    hours: organization.pickupHours,
    bring: organization.pickupBring,
    whoMayCollect: organization.pickupWho,
    cannotCome: `If you cannot come then, call ${organization.serviceName} at ${organization.questionsPhone}, ${organization.questionsHours}, to choose another time.`,
  };
}
