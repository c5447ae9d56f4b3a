import { describe, expect, it } from "vitest";
import { can, STAFF_ACTIONS, STAFF_ROLES } from "@/domain/staff-access";

/** SECURITY.md §4: the documented role × action matrix, row by row. */
const expected: Record<(typeof STAFF_ROLES)[number], string[]> = {
  ASSOCIATE: ["queue.view", "request.view", "document.view", "request.key_paper", "request.process", "request.extend", "invoice.issue", "payment.record"],
  SUPERVISOR: ["queue.view", "request.view", "document.view", "request.key_paper", "request.process", "request.extend", "request.reject", "invoice.issue", "payment.record", "notification.resend", "audit.view"],
  ADMIN: ["staff.manage", "fees.schedule", "audit.view", "notification.resend"],
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
