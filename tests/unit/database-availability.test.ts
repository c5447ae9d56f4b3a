import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterProbe, isProbeTimeout } from "@/server/database-availability";

describe("what a probe of the database says about an outage", () => {
  it("an answer means up and a refusal means down at once, whatever came before", () => {
    for (const available of [true, false])
      for (const timeoutsInARow of [0, 1, 2, 5]) {
        expect(afterProbe({ available, timeoutsInARow }, "up")).toEqual({ available: true, timeoutsInARow: 0 });
        expect(afterProbe({ available, timeoutsInARow }, "down")).toEqual({ available: false, timeoutsInARow: 0 });
      }
  });

  it("a slow machine is not an outage: timeouts keep the last answer until three in a row", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("up" as const, "down" as const, "timeout" as const), { maxLength: 40 }), (answers) => {
        let state = { available: true, timeoutsInARow: 0 };
        let lastDefinite = true;
        let run = 0;
        for (const answer of answers) {
          state = afterProbe(state, answer);
          if (answer === "timeout") run++;
          else ((run = 0), (lastDefinite = answer === "up"));
          expect(state.available).toBe(run >= 3 ? false : lastDefinite);
        }
      }),
    );
  });

  it("tells pg's timeouts from refused or broken connections", () => {
    expect(isProbeTimeout(new Error("timeout expired"))).toBe(true);
    expect(isProbeTimeout(new Error("Query read timeout"))).toBe(true);
    expect(isProbeTimeout(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isProbeTimeout(new Error("Connection terminated unexpectedly"))).toBe(false);
  });
});
