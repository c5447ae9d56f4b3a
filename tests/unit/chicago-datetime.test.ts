import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chicagoDateTimeToUtc } from "@/domain/chicago";

const wallClock = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "America/Chicago", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d).replace(" ", "T");

describe("a pickup time typed in Chicago (chicagoDateTimeToUtc)", () => {
  it("reads winter and summer times with their offsets, across DST", () => {
    expect(chicagoDateTimeToUtc("2026-12-04T10:00")?.toISOString()).toBe("2026-12-04T16:00:00.000Z");
    expect(chicagoDateTimeToUtc("2026-07-04T10:00")?.toISOString()).toBe("2026-07-04T15:00:00.000Z");
    expect(chicagoDateTimeToUtc("2026-11-01T00:30")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(chicagoDateTimeToUtc("2026-03-08T12:00")?.toISOString()).toBe("2026-03-08T17:00:00.000Z");
  });

  it("refuses what is not a real date and time, without throwing", () => {
    for (const bad of ["2026-13-45T99:99", "2026-02-30T10:00", "2026-04-31T10:00", "2026-12-04T24:00", "2026-12-04T10:60", "0000-01-01T00:00", "275760-09-13T00:00", "", "tomorrow", "2026-12-04", "2026-12-04 10:00", null, 5, ["2026-12-04T10:00"]])
      expect(chicagoDateTimeToUtc(bad), String(bad)).toBeNull();
  });

  it("round-trips every minute of any day: the instant shows the same wall clock in Chicago (except the skipped spring hour)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-02T00:00:00Z"), max: new Date("2199-12-30T00:00:00Z"), noInvalidDate: true }), (instant) => {
        const local = wallClock(instant);
        const parsed = chicagoDateTimeToUtc(local);
        expect(parsed).not.toBeNull();
        expect(wallClock(parsed!)).toBe(local);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string(), (s) => void chicagoDateTimeToUtc(s)), { numRuns: 1000 });
  });
});
