/**
 * Who on staff may do what (SECURITY.md §4: least privilege, a documented role × action matrix).
 * Every staff page, action and route handler asks `can(role, action)` for itself.
 */
export const STAFF_ROLES = ["ASSOCIATE", "SUPERVISOR", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ACTIONS = [
  "queue.view",
  "request.view",
  "document.view",
  "request.key_paper", // key in an authorization received on paper (mail or fax)
  "request.process", // review, verify, deficiencies, release steps
  "request.extend",
  "request.reject",
  "invoice.issue",
  "payment.record",
  "notification.resend",
  "staff.manage",
  "fees.schedule", // enter a year's Illinois fee schedule from the Comptroller's publication
  "audit.view",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const MATRIX: Record<StaffRole, readonly StaffAction[]> = {
  ASSOCIATE: ["queue.view", "request.view", "document.view", "request.key_paper", "request.process", "request.extend", "invoice.issue", "payment.record"],
  SUPERVISOR: [
    "queue.view",
    "request.view",
    "document.view",
    "request.key_paper",
    "request.process",
    "request.extend",
    "request.reject",
    "invoice.issue",
    "payment.record",
    "notification.resend",
    "audit.view",
  ],
  // Admins run accounts and read the audit log; they do not handle patients' records.
  ADMIN: ["staff.manage", "fees.schedule", "audit.view", "notification.resend"],
};

export function can(role: StaffRole, action: StaffAction): boolean {
  return MATRIX[role].includes(action);
}

export const staffRoleLabels: Record<StaffRole, string> = {
  ASSOCIATE: "Associate",
  SUPERVISOR: "Supervisor",
  ADMIN: "Administrator",
};

/** Session limits (SECURITY.md §3). */
export const STAFF_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const STAFF_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Failed sign-ins before the account is locked, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
