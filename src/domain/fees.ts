/**
 * The fee calculator (RULES.md §6, docs/decisions/0005-fees.md). Pure: inputs, the year's Illinois
 * schedule and the organization's policies in; itemized lines and a total in integer cents out,
 * each line naming the rule that produced it.
 */
import { chicagoDay } from "./chicago";

export type FeeRecipient = "MEDICAL_PROVIDER" | "PATIENT" | "THIRD_PARTY";
export type FeeMedium = "ELECTRONIC" | "PAPER";

/** One year of 735 ILCS 5/8-2001(d) maximums, as published by the Illinois Comptroller. */
export type FeeSchedule = {
  year: number;
  handlingCents: number;
  pages1To25Cents: number;
  pages26To50Cents: number;
  pagesOver50Cents: number;
  microformPageCents: number;
  /** Electronic records: percent of the paper per-page charge (statute: 50). */
  electronicPercent: number;
  source: string;
};

/** Choices the organization makes within the law ("policy" in RULES.md), kept in `Setting`. */
export type FeePolicy = {
  /** HHS flat fee for a patient's electronic copy. */
  patientElectronicFlatCents: number;
  /** Cost-based price of a paper (or microform) page for the patient's own copy, capped by Illinois. */
  patientPageCents: number;
};

export const DEFAULT_FEE_POLICY: FeePolicy = { patientElectronicFlatCents: 650, patientPageCents: 25 };

export type AtCostItem = { description: string; cents: number };

export type FeeInput = {
  recipient: FeeRecipient;
  medium: FeeMedium;
  /** Pages copied on a standard copier. */
  pages: number;
  /** Copies from microfiche or microfilm. */
  microformPages: number;
  /** Items that cannot be copied on a standard copier, at reasonable cost (entered by staff). */
  atCostItems: readonly AtCostItem[];
  /** Actual postage or shipping. */
  postageCents: number;
};

export type FeeLine = {
  description: string;
  /** Which rule produced the line, e.g. "735 ILCS 5/8-2001(d)(1), 2024 schedule". */
  rule: string;
  quantity: number;
  /** Unit price in hundredths of a cent (4350 = $0.435): electronic pages can cost half a cent. */
  unitCentiCents: number;
  amountCents: number;
};

export type FeeComputation = {
  lines: FeeLine[];
  totalCents: number;
  /** The schedule year used (null when no schedule figure was needed). */
  scheduleYear: number | null;
};

export class FeeInputError extends Error {}

const ILLINOIS = "735 ILCS 5/8-2001(d)";
const HIPAA = "45 CFR 164.524(c)(4)";
const MAX_PAGES = 1_000_000;
const MAX_CENTS = 100_000_00;

/** 735 ILCS 5/8-2006: the Comptroller's yearly adjustment takes effect on 20 January. */
export const SCHEDULE_EFFECTIVE_MONTH_DAY = "01-20";

/** The schedule year in force on a calendar day: a day before 20 January is still under the previous year's figures. */
export function scheduleYearOn(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= SCHEDULE_EFFECTIVE_MONTH_DAY ? year : year - 1;
}

/**
 * The schedule for a request received at `receivedAt` (its Chicago day): the one in force that
 * day, or when that year has no entry the latest earlier one (never a later one). `wanted` is the
 * year in force; `fallback` is true when an earlier year stands in for it.
 */
export function scheduleFor<S extends { year: number }>(receivedAt: Date, schedules: readonly S[]): S | null {
  return scheduleChoice(receivedAt, schedules).schedule;
}

export function scheduleChoice<S extends { year: number }>(receivedAt: Date, schedules: readonly S[]): { wanted: number; schedule: S | null; fallback: boolean } {
  const wanted = scheduleYearOn(chicagoDay(receivedAt));
  const schedule = schedules.filter((s) => s.year <= wanted).sort((a, b) => b.year - a.year)[0] ?? null;
  return { wanted, schedule, fallback: schedule !== null && schedule.year !== wanted };
}

/** The medium Section 4 implies: secure e-mail is electronic, mail and pickup are paper. */
export function defaultMedium(deliveryMethod: "SECURE_EMAIL" | "MAIL" | "PICKUP"): FeeMedium {
  return deliveryMethod === "SECURE_EMAIL" ? "ELECTRONIC" : "PAPER";
}

/**
 * Who the records really go to, for pricing: SELF is the patient's own access (a personal
 * representative stands in their shoes); a medical provider only when staff verified that the
 * delivery address is the provider's own — otherwise the records go to whoever holds that address,
 * priced as any third party's.
 */
export function feeRecipient(recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY", providerAddressVerified = false): FeeRecipient {
  if (recipientKind === "SELF") return "PATIENT";
  if (recipientKind === "MEDICAL_PROVIDER" && !providerAddressVerified) return "THIRD_PARTY";
  return recipientKind;
}

/**
 * The pricing recipient of a stored request, by its door (issue 17): a right-of-access request is
 * always the patient's own copy (45 CFR 164.524(c)(4)), whoever fills it in; an authorization is
 * priced by its recipient (feeRecipient).
 */
export function feeRecipientOf(r: { requestKind?: "ACCESS" | "AUTHORIZATION"; recipientKind: "SELF" | "MEDICAL_PROVIDER" | "THIRD_PARTY"; providerAddressVerified?: boolean }): FeeRecipient {
  if (r.requestKind === "ACCESS") return "PATIENT";
  return feeRecipient(r.recipientKind, r.providerAddressVerified ?? false);
}

/** The page counts a fee estimate shows before submitting (nobody knows the count until the records are copied). */
export const ESTIMATE_PAGE_COUNTS = [10, 25, 50, 100, 250, 500] as const;

/**
 * What the requester is told before submitting (issue 13): the estimate that applies to this
 * requester, recipient and delivery, from the same calculator (computeFees) staff invoice with.
 * - FREE: records straight to a medical provider (once staff confirm the address is the provider's).
 * - FLAT: the patient's own electronic copy: one all-inclusive amount, whatever the pages.
 * - BY_PAGES: the total for each of ESTIMATE_PAGE_COUNTS, with whether actual postage is added.
 * - UNAVAILABLE: no Illinois schedule covers today (staff must enter it); the invoice will say.
 */
export type FeeEstimate =
  | { kind: "FREE" }
  | { kind: "FLAT"; cents: number; rule: string }
  | { kind: "BY_PAGES"; rows: { pages: number; totalCents: number }[]; postageAdded: boolean; scheduleYear: number | null; handlingCents: number }
  | { kind: "UNAVAILABLE" };

export function feeEstimate(
  args: { recipient: FeeRecipient; medium: FeeMedium; mailed: boolean },
  schedule: FeeSchedule | null,
  policy: FeePolicy = DEFAULT_FEE_POLICY,
): FeeEstimate {
  const at = (pages: number) => computeFees({ recipient: args.recipient, medium: args.medium, pages, microformPages: 0, atCostItems: [], postageCents: 0 }, schedule, policy);
  if (args.recipient === "MEDICAL_PROVIDER") return { kind: "FREE" };
  try {
    if (args.recipient === "PATIENT" && args.medium === "ELECTRONIC") {
      const line = at(1).lines[0]!;
      return { kind: "FLAT", cents: at(1).totalCents, rule: line.rule };
    }
    const rows = ESTIMATE_PAGE_COUNTS.map((pages) => ({ pages, totalCents: at(pages).totalCents }));
    const handling = at(1).lines.find((l) => l.description === "Handling charge");
    return { kind: "BY_PAGES", rows, postageAdded: args.mailed, scheduleYear: at(1).scheduleYear, handlingCents: handling?.amountCents ?? 0 };
  } catch (error) {
    if (error instanceof FeeInputError) return { kind: "UNAVAILABLE" };
    throw error;
  }
}

/** HHS's flat fee for a patient's electronic copy: at most $6.50, inclusive of labor, supplies and postage. */
export const HHS_FLAT_FEE_CAP_CENTS = 650;

type ExactLine = Omit<FeeLine, "amountCents"> & { exactCentiCents: number };

export function computeFees(input: FeeInput, schedule: FeeSchedule | null, policy: FeePolicy = DEFAULT_FEE_POLICY): FeeComputation {
  checkInput(input);
  const nothingToCopy = input.pages === 0 && input.microformPages === 0 && input.atCostItems.length === 0;
  if (nothingToCopy) return noCharge("No charge: nothing to copy", "Nothing is charged when nothing is released (policy)");
  if (input.recipient === "MEDICAL_PROVIDER")
    return noCharge("No charge: records sent directly to a medical provider", "Records to another medical provider are free (policy)");

  const lines: ExactLine[] = [];
  const add = (description: string, rule: string, quantity: number, unitCentiCents: number) => {
    if (quantity > 0) lines.push({ description, rule, quantity, unitCentiCents, exactCentiCents: quantity * unitCentiCents });
  };
  let scheduleYear: number | null = null;
  const needSchedule = (): FeeSchedule => {
    if (!schedule) throw new FeeInputError("No Illinois fee schedule covers the year this request was received.");
    scheduleYear = schedule.year;
    return schedule;
  };
  const tiers = (s: FeeSchedule) =>
    [
      { label: "1–25", count: Math.min(input.pages, 25), cents: s.pages1To25Cents, clause: "(d)(1), pages 1–25" },
      { label: "26–50", count: Math.min(Math.max(input.pages - 25, 0), 25), cents: s.pages26To50Cents, clause: "(d)(1), pages 26–50" },
      { label: "over 50", count: Math.max(input.pages - 50, 0), cents: s.pagesOver50Cents, clause: "(d)(1), pages over 50" },
    ] as const;

  if (input.recipient === "PATIENT" && input.medium === "ELECTRONIC") {
    // All-inclusive: nothing (postage, items at cost) is added to the flat fee, and it never exceeds HHS's $6.50.
    const flat = Math.min(policy.patientElectronicFlatCents, HHS_FLAT_FEE_CAP_CENTS);
    add("Electronic copy of your records (flat fee, all-inclusive)", `${HIPAA}: HHS flat fee for electronic copies, inclusive of labor, supplies and postage (policy)`, 1, flat * 100);
    return { ...allocate(lines), scheduleYear };
  } else if (input.recipient === "PATIENT") {
    const s = needSchedule();
    for (const t of tiers(s)) {
      const unit = Math.min(policy.patientPageCents, t.cents);
      add(`Paper copies, pages ${t.label}`, `${HIPAA}: cost-based copying, capped at ${ILLINOIS}${t.clause.slice(3)} (${s.year})`, t.count, unit * 100);
    }
    add("Copies from microfiche or microfilm", `${HIPAA}: cost-based copying, capped at ${ILLINOIS}(3) (${s.year})`, input.microformPages, Math.min(policy.patientPageCents, s.microformPageCents) * 100);
  } else {
    const s = needSchedule();
    add("Handling charge", `${ILLINOIS}: handling charge (${s.year})`, 1, s.handlingCents * 100);
    for (const t of tiers(s)) {
      if (input.medium === "PAPER") add(`Paper copies, pages ${t.label}`, `${ILLINOIS}${t.clause.slice(3)} (${s.year})`, t.count, t.cents * 100);
      else
        add(
          `Electronic copies, pages ${t.label} (${s.electronicPercent}% of the paper rate)`,
          `${ILLINOIS}(2): ${s.electronicPercent}% of the (d)(1) rate for pages ${t.label} (${s.year})`,
          t.count,
          t.cents * s.electronicPercent,
        );
    }
    add("Copies from microfiche or microfilm", `${ILLINOIS}(3) (${s.year})`, input.microformPages, s.microformPageCents * 100);
  }
  for (const item of input.atCostItems) add(item.description.trim(), "Item that cannot be copied on a standard copier, at reasonable cost", 1, item.cents * 100);
  add("Postage and shipping", "Actual postage", input.postageCents > 0 ? 1 : 0, input.postageCents * 100);
  return { ...allocate(lines), scheduleYear };
}

/**
 * Rounds once: the total is the exact sum rounded down to the cent (never above a statutory
 * maximum); each line is rounded down and the cents that leaves go to the largest dropped
 * fractions, earlier lines first, so the lines add up to the total exactly.
 */
function allocate(lines: ExactLine[]): { lines: FeeLine[]; totalCents: number } {
  const exactTotal = lines.reduce((sum, l) => sum + l.exactCentiCents, 0);
  const totalCents = Math.floor(exactTotal / 100);
  const floors = lines.map((l) => Math.floor(l.exactCentiCents / 100));
  let leftover = totalCents - floors.reduce((a, b) => a + b, 0);
  const byFraction = lines
    .map((l, i) => ({ i, fraction: l.exactCentiCents % 100 }))
    .filter((x) => x.fraction > 0)
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (leftover === 0) break;
    floors[i]! += 1;
    leftover -= 1;
  }
  return {
    lines: lines.map((l, i) => ({ description: l.description, rule: l.rule, quantity: l.quantity, unitCentiCents: l.unitCentiCents, amountCents: floors[i]! })),
    totalCents,
  };
}

function noCharge(description: string, rule: string): FeeComputation {
  return { lines: [{ description, rule, quantity: 1, unitCentiCents: 0, amountCents: 0 }], totalCents: 0, scheduleYear: null };
}

function checkInput(input: FeeInput): void {
  const count = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_PAGES;
  const money = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_CENTS;
  if (!count(input.pages) || !count(input.microformPages)) throw new FeeInputError("Page counts are whole numbers, 0 or more.");
  if (!money(input.postageCents)) throw new FeeInputError("Postage is an amount in cents, 0 or more.");
  for (const item of input.atCostItems) {
    if (!item.description.trim() || !money(item.cents) || item.cents === 0) throw new FeeInputError("Each item at cost needs a description and an amount.");
  }
}

/** "$0.435" for fractional units, "$1.30" otherwise. */
export function formatUnitPrice(unitCentiCents: number): string {
  const dollars = unitCentiCents / 10_000;
  const decimals = unitCentiCents % 100 === 0 ? 2 : unitCentiCents % 10 === 0 ? 3 : 4;
  return `$${dollars.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`;
}
