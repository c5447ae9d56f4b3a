/**
 * The staff dashboard's pure parts (issue 13; docs/decisions/0020): the calendar windows it counts
 * in (America/Chicago calendar days), the shape its tables and charts share, and the chart scale.
 */
import { addCalendarDays, endOfDayInChicago, startOfDayInChicago, todayInChicago } from "./chicago";
import { REQUEST_STATUSES, type RequestStatus } from "./lifecycle";

export const DELIVERY_METHODS = ["SECURE_EMAIL", "MAIL", "PICKUP"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !["COMPLETED", "REJECTED", "REVOKED"].includes(s));

/** Short names of the delivery methods for charts and tables (the form's own labels are sentences). */
export const methodShortLabels: Record<DeliveryMethod, string> = { SECURE_EMAIL: "Secure e-mail", MAIL: "Mail", PICKUP: "Pickup" };

/** Days in "due this week" (today and the six days after it) and in the turnaround window. */
export const WEEK_DAYS = 7;
export const TURNAROUND_DAYS = 90;

export type DashboardWindow = {
  today: string;
  /** The last day of "due this week" (today + 6), and its last millisecond in Chicago. */
  weekEndDay: string;
  weekEnd: Date;
  /** The first day of the turnaround window (today − 89: 90 calendar days with today), and its first instant. */
  sinceDay: string;
  since: Date;
};

/**
 * The windows for `now`. A deadline is stored as the end of its Chicago day, so "overdue" is
 * `dueAt < now` (its day is over) and "due this week" is `now ≤ dueAt ≤ weekEnd`.
 */
export function dashboardWindow(now: Date): DashboardWindow {
  const today = todayInChicago(now);
  const weekEndDay = addCalendarDays(today, WEEK_DAYS - 1);
  const sinceDay = addCalendarDays(today, -(TURNAROUND_DAYS - 1));
  return { today, weekEndDay, weekEnd: endOfDayInChicago(weekEndDay), sinceDay, since: startOfDayInChicago(sinceDay) };
}

export type StatusMethodCount = { status: RequestStatus; method: DeliveryMethod; count: number };
export type StatusMethodTable = {
  rows: Array<{ status: RequestStatus; byMethod: Record<DeliveryMethod, number>; total: number }>;
  totals: Record<DeliveryMethod, number>;
  total: number;
};

/** Open requests as a status × method table, in lifecycle order, every open status present, with totals. */
export function statusMethodTable(counts: readonly StatusMethodCount[]): StatusMethodTable {
  const zero = (): Record<DeliveryMethod, number> => ({ SECURE_EMAIL: 0, MAIL: 0, PICKUP: 0 });
  const rows = OPEN_STATUSES.map((status) => ({ status, byMethod: zero(), total: 0 }));
  const totals = zero();
  let total = 0;
  for (const c of counts) {
    const row = rows.find((r) => r.status === c.status);
    if (!row) continue; // closed statuses are not counted as open
    row.byMethod[c.method] += c.count;
    row.total += c.count;
    totals[c.method] += c.count;
    total += c.count;
  }
  return { rows, totals, total };
}

/**
 * A round upper bound for a chart's axis and its ticks: 1, 2 or 5 × 10ⁿ steps, at most `maxTicks`
 * of them, so a bar's length reads against a labelled scale.
 */
export function niceScale(max: number, maxTicks = 5, wholeNumbers = false): { top: number; ticks: number[] } {
  if (!Number.isFinite(max) || max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / maxTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  // Counts are whole: a scale of requests never steps by half a request.
  const step = Math.max(wholeNumbers ? 1 : 0, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!);
  const round = (v: number) => Number(v.toPrecision(12));
  const count = Math.ceil(round(max / step));
  const ticks = Array.from({ length: count + 1 }, (_, i) => round(i * step));
  return { top: ticks.at(-1)!, ticks };
}

/** Days as staff read them: one decimal under 10, whole days above; "—" when there is nothing. */
export function formatDays(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return "—";
  const shown = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return `${shown.toLocaleString("en-US")} ${shown === 1 ? "day" : "days"}`;
}
