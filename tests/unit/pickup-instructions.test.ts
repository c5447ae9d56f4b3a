import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, chicagoDay } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import { PICKUP_WINDOW_MINUTES, pickupInstructions } from "@/domain/pickup";

describe("pickup instructions: where, when (America/Chicago), what to bring, who may collect", () => {
  it("give the Chicago day and a 30-minute window, across daylight saving", () => {
    // 1:45 AM CST on the night clocks spring forward: the window ends at 3:15 AM CDT.
    expect(pickupInstructions(new Date("2026-03-08T07:45:00Z"), new Date("2026-03-01T12:00:00Z"))).toMatchObject({ day: "Sunday, March 8, 2026", window: "1:45 AM to 3:15 AM (Central Time)", soon: null });
    // 10:00 AM CDT in summer, 10:00 AM CST in winter.
    expect(pickupInstructions(new Date("2026-07-14T15:00:00Z"), new Date("2026-07-01T12:00:00Z")).window).toBe("10:00 AM to 10:30 AM (Central Time)");
    expect(pickupInstructions(new Date("2026-12-01T16:00:00Z"), new Date("2026-11-20T12:00:00Z"))).toMatchObject({ day: "Tuesday, December 1, 2026", window: "10:00 AM to 10:30 AM (Central Time)" });
  });

  it("say 'today' or 'tomorrow' by the Chicago calendar, not UTC's", () => {
    // 11:30 PM on November 30 in Chicago is already December 1 in UTC.
    const lateEvening = new Date("2026-12-01T05:30:00Z");
    expect(pickupInstructions(new Date("2026-12-01T15:00:00Z"), lateEvening).soon).toBe("tomorrow");
    expect(pickupInstructions(new Date("2026-12-01T05:45:00Z"), lateEvening).soon).toBe("today");
    expect(pickupInstructions(new Date("2026-12-02T15:00:00Z"), lateEvening).soon).toBeNull();
  });

  it("for any time: the day is the Chicago day, the window lasts 30 minutes, and the place, ID, representative's proof, payment and who may collect are always said", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }), fc.integer({ min: -3, max: 10 }), (at, daysBefore) => {
        const now = new Date(at.getTime() - daysBefore * 86_400_000);
        const p = pickupInstructions(at, now);
        const [y, m, d] = chicagoDay(at).split("-").map(Number) as [number, number, number];
        expect(p.day).toContain(String(y));
        expect(p.day).toContain(` ${d}, `);
        expect(p.day).toContain(new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 15))));
        const chicagoTime = (t: Date) => new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", hour: "numeric", minute: "2-digit" }).format(t);
        expect(p.window).toBe(`${chicagoTime(at)} to ${chicagoTime(new Date(at.getTime() + PICKUP_WINDOW_MINUTES * 60_000))} (Central Time)`);
        expect(p.soon).toBe(chicagoDay(at) === chicagoDay(now) ? "today" : chicagoDay(at) === addCalendarDays(chicagoDay(now), 1) ? "tomorrow" : null);
        expect(p.where).toBe(organization.pickupPlace);
        const bring = p.bring.join(" ");
        expect(bring).toMatch(/photo ID/);
        expect(bring).toMatch(/proof of your authority/);
        expect(bring).toMatch(/Cash is never accepted/);
        expect(bring).toMatch(/card over the phone/);
        expect(p.whoMayCollect).toMatch(/Only the patient or the patient's legal representative/);
      }),
      { numRuns: 300 },
    );
  });
});
