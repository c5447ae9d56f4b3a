import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { busyRetryDelayMs, STILL_BUSY_MESSAGE, submitWithRetry } from "@/components/authorization-form/submitWithRetry";
import type { SubmitResult } from "@/domain/submission";

const busy: SubmitResult = { ok: false, kind: "busy", message: "busy", retryAfterMs: 1000 };

describe("the form's retry of a busy answer", () => {
  it("waits the hint doubled per busy answer, capped, with 50–100 % jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 100, max: 60_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (hint, attempt, cap, r) => {
        const ceiling = Math.min(cap, Math.max(100, hint) * 2 ** (attempt - 1));
        const delay = busyRetryDelayMs(hint, attempt, cap, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.5));
        expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
      }),
    );
  });

  it("sends the very same form data again while busy, then returns the first other answer", async () => {
    const data = new FormData();
    data.set("idempotencyKey", "k");
    const seen: FormData[] = [];
    const answers: SubmitResult[] = [busy, busy, { ok: false, kind: "invalid", message: "fix", fieldErrors: {} }];
    const waits: number[] = [];
    const result = await submitWithRetry(async (d) => (seen.push(d), answers.shift()!), data, { sleep: async (ms) => void waits.push(ms), random: () => 0.999 });
    expect(result).toMatchObject({ kind: "invalid" });
    expect(seen).toHaveLength(3);
    expect(seen.every((d) => d === data)).toBe(true);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it("gives up after its attempts with a message that says the answers are kept", async () => {
    let calls = 0;
    const result = await submitWithRetry(async () => (calls++, busy), new FormData(), { attempts: 4, sleep: async () => {} });
    expect(calls).toBe(4);
    expect(result).toEqual({ ok: false, kind: "refused", message: STILL_BUSY_MESSAGE });
    expect(STILL_BUSY_MESSAGE).toMatch(/answers are kept/);
  });
});
