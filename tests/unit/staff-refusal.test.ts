import { describe, expect, it } from "vitest";
import { can, STAFF_ROLES, staffRoleLabels } from "@/domain/staff-access";
import { orList, rolesThatCan, staffHome, staffRefusal } from "@/domain/staff-refusal";

describe("what a refused staff page says", () => {
  it("names, for every page and role, the roles that may open it and sends the person to a page their role can open", () => {
    const pages = { "/staff": "queue.view", "/staff/requests/new": "request.key_paper", "/staff/requests/0b0e0f0a-0000-4000-8000-000000000000": "request.view", "/staff/notifications": "notification.resend", "/staff/accounts": "staff.manage" } as const;
    for (const [path, action] of Object.entries(pages)) {
      for (const role of STAFF_ROLES) {
        const refusal = staffRefusal(path, role);
        for (const allowed of rolesThatCan(action)) expect(refusal.explanation).toContain(`${staffRoleLabels[allowed]}s`);
        expect(can(role, refusal.home.href === "/staff" ? "queue.view" : "staff.manage")).toBe(true);
      }
    }
  });

  it("reads naturally", () => {
    expect(staffRefusal("/staff", "ADMIN").explanation).toBe("The request queue: open to Associates or Supervisors only. You are signed in as an Administrator. If your work needs it, ask an administrator to change your role.");
    expect(staffRefusal("/staff/accounts", "ASSOCIATE").explanation).toContain("Staff accounts: open to Administrators only. You are signed in as an Associate.");
    expect(staffRefusal(null, "SUPERVISOR").heading).toBe("Your role does not give access to this page");
    expect(orList(["A", "B", "C"])).toBe("A, B or C");
    expect(staffHome("ADMIN").href).toBe("/staff/accounts");
  });
});
