import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { busyRetryDelayMs, STILL_BUSY_MESSAGE, submitWithRetry } from "@/components/authorization-form/submitWithRetry";
import { BUSY_SIGNAL_PREFIX, busySignal, busySignalText, type SubmitResult } from "@/domain/submission";

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

describe("the proxy's busy answer, turned away before the body is read", () => {
  it("is read back from the error the action call throws, for any hint, and nothing else is", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (ms) => {
        expect(busySignal(new Error(busySignalText(ms)))).toEqual({ retryAfterMs: ms });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.startsWith(BUSY_SIGNAL_PREFIX));
        expect(busySignal(new Error(text))).toBeNull();
      }),
    );
    expect(busySignal(new Error("An unexpected response was received from the server."))).toBeNull();
    expect(busySignal(new Error(`${busySignalText(5)} and more`))).toBeNull();
  });

  it("is retried like the action's own busy answer, with the same form data, and its hint sets the wait", async () => {
    const data = new FormData();
    const seen: FormData[] = [];
    const waits: number[] = [];
    let calls = 0;
    const stored: SubmitResult = { ok: true, confirmationNumber: "RC-TEST" } as SubmitResult;
    const result = await submitWithRetry(
      async (d) => {
        seen.push(d);
        if (calls++ === 0) throw new Error(busySignalText(400));
        return stored;
      },
      data,
      { sleep: async (ms) => void waits.push(ms), random: () => 0.999 },
    );
    expect(result).toBe(stored);
    expect(seen).toEqual([data, data]);
    expect(waits).toHaveLength(1);
    expect(waits[0]!).toBeGreaterThanOrEqual(200);
    expect(waits[0]!).toBeLessThanOrEqual(400);
  });

  it("lets any other error through to the form, untouched", async () => {
    const failure = new Error("An unexpected response was received from the server.");
    await expect(submitWithRetry(async () => Promise.reject(failure), new FormData(), { sleep: async () => {} })).rejects.toBe(failure);
  });
});
