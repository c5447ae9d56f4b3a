import { describe, expect, it } from "vitest";
import { can, FREE_SIGN_IN_FAILURES, SIGN_IN_MAX_DELAY_MS, signInDelayMs, STAFF_ACTIONS, STAFF_ROLES, staffPasswordProblem } from "@/domain/staff-access";

/** SECURITY.md §4: the documented role × action matrix, row by row. */
const expected: Record<(typeof STAFF_ROLES)[number], string[]> = {
  ASSOCIATE: ["queue.view", "request.view", "document.view", "request.key_paper", "request.process", "request.extend", "invoice.issue", "payment.record"],
  SUPERVISOR: ["queue.view", "request.view", "document.view", "request.key_paper", "request.process", "request.extend", "request.reject", "invoice.issue", "payment.record", "notification.resend", "audit.view"],
  ADMIN: ["staff.manage", "fees.schedule", "settings.manage", "audit.view", "notification.resend"],
};

describe("staff role × action matrix", () => {
  for (const role of STAFF_ROLES) {
    for (const action of STAFF_ACTIONS) {
      const allowed = expected[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => expect(can(role, action)).toBe(allowed));
    }
  }
  it("keeps administrators away from patients' records", () => {
    expect(can("ADMIN", "request.view")).toBe(false);
    expect(can("ADMIN", "document.view")).toBe(false);
    expect(can("ADMIN", "request.key_paper")).toBe(false);
  });
});

describe("sign-in throttling (issue 16, hole 8): a delay that grows, never a lock", () => {
  it("lets the first few wrong passwords through without a wait", () => {
    for (let f = 0; f < FREE_SIGN_IN_FAILURES; f++) expect(signInDelayMs(f)).toBe(0);
  });
  it("doubles the wait with each further failure, up to the ceiling, for every count", () => {
    let previous = 0;
    for (let f = FREE_SIGN_IN_FAILURES; f <= 10_000; f++) {
      const delay = signInDelayMs(f);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(SIGN_IN_MAX_DELAY_MS);
      expect(delay === SIGN_IN_MAX_DELAY_MS || delay === Math.max(previous * 2, 1000)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
    expect(signInDelayMs(Number.MAX_SAFE_INTEGER)).toBe(SIGN_IN_MAX_DELAY_MS);
    expect(signInDelayMs(Number.NaN)).toBe(0);
  });
});

describe("staff passwords", () => {
  it("need 12 to 200 characters, not only spaces, not the e-mail", () => {
    for (let n = 0; n <= 210; n++) {
      const problem = staffPasswordProblem("x".repeat(n), "a@example.com");
      expect(problem === null).toBe(n >= 12 && n <= 200);
    }
    expect(staffPasswordProblem(" ".repeat(20), "a@example.com")).toMatch(/spaces/);
    expect(staffPasswordProblem("Long.Person@Example.com", "long.person@example.com")).toMatch(/e-mail/);
  });
});
