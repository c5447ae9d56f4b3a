import { can, STAFF_ROLES, type StaffAction, type StaffRole, staffRoleLabels } from "./staff-access";

/**
 * What a staff page refused to a role says (a 403 page, not "page not found"): what the page is
 * for, which roles may open it, and where this person's own work is. The pages are matched by
 * address, the same guard (`requireStaffPage`) deciding the refusal itself.
 */
const STAFF_PAGES: readonly { pattern: RegExp; action: StaffAction; what: string }[] = [
  { pattern: /^\/staff\/?$/, action: "queue.view", what: "The request queue" },
  { pattern: /^\/staff\/requests\/new\/?$/, action: "request.key_paper", what: "Keying in a paper authorization" },
  { pattern: /^\/staff\/requests\//, action: "request.view", what: "Patients' requests" },
  { pattern: /^\/staff\/notifications(\/|$)/, action: "notification.resend", what: "Notifications that were not delivered" },
  { pattern: /^\/staff\/accounts(\/|$)/, action: "staff.manage", what: "Staff accounts" },
];

export function rolesThatCan(action: StaffAction): StaffRole[] {
  return STAFF_ROLES.filter((role) => can(role, action));
}

/** "A", "A or B", "A, B or C". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** Where a role's work starts (the page its sign-in lands on). */
export function staffHome(role: StaffRole): { href: string; label: string } {
  return can(role, "queue.view") ? { href: "/staff", label: "Go to the request queue" } : { href: "/staff/accounts", label: "Go to staff accounts" };
}

export type StaffRefusal = { heading: string; explanation: string; home: { href: string; label: string } };

export function staffRefusal(pathname: string | null, role: StaffRole): StaffRefusal {
  const page = pathname ? STAFF_PAGES.find((p) => p.pattern.test(pathname)) : undefined;
  const yours = staffRoleLabels[role];
  const home = staffHome(role);
  if (!page) return { heading: "Your role does not give access to this page", explanation: `You are signed in as ${articled(yours)}. Ask an administrator if you need this page for your work.`, home };
  const roles = rolesThatCan(page.action).map((r) => `${staffRoleLabels[r]}s`);
  return {
    heading: "Your role does not give access to this page",
    explanation: `${page.what}: open to ${orList(roles)} only. You are signed in as ${articled(yours)}. If your work needs it, ask an administrator to change your role.`,
    home,
  };
}

function articled(label: string): string {
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
}
