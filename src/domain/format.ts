/** Display formats, in America/Chicago (ARCHITECTURE.md: stored UTC, shown in Chicago time). */
import { CHICAGO as TZ, dateOnlyToDay } from "./chicago";

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: TZ,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: TZ, dateStyle: "long" }).format(date);
}

/** A date-only column (`@db.Date`: birth, expiry, payment received): its calendar day, never shifted by a zone. */
export function formatDateOnly(date: Date): string {
  return formatIsoDate(dateOnlyToDay(date));
}

/** A calendar date typed as YYYY-MM-DD, shown as "March 14, 1984" (no time zone shift). */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "long" }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatAddress(a: { line1: string; line2?: string; city: string; state: string; postalCode: string }): string {
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`].filter(Boolean).join(", ");
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}
