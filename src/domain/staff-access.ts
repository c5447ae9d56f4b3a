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
  "settings.manage", // the organisation's policies, e.g. the response commitment (docs/decisions/0020)
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
  ADMIN: ["staff.manage", "fees.schedule", "settings.manage", "audit.view", "notification.resend"],
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
/**
 * Wrong passwords are throttled per account *and* client, never by locking the account (anyone
 * could lock anyone out): the first few tries are free, then each failure doubles the wait before
 * that client's next try at that account, up to a ceiling. Other clients are not affected; an
 * administrator can still disable an account.
 */
export const FREE_SIGN_IN_FAILURES = 3;
export const SIGN_IN_BASE_DELAY_MS = 1000;
export const SIGN_IN_MAX_DELAY_MS = 15 * 60 * 1000;

/** How long a client waits after `failures` wrong passwords in a row for one account. */
export function signInDelayMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_SIGN_IN_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_SIGN_IN_FAILURES, 30);
  return Math.min(SIGN_IN_BASE_DELAY_MS * 2 ** doublings, SIGN_IN_MAX_DELAY_MS);
}

/** A password a staff member chooses: 12 to 200 characters, not only spaces, not the e-mail. */
export const STAFF_PASSWORD_MIN = 12;
export const STAFF_PASSWORD_MAX = 200;
export function staffPasswordProblem(password: string, email: string): string | null {
  if (password.length < STAFF_PASSWORD_MIN) return `Use at least ${STAFF_PASSWORD_MIN} characters.`;
  if (password.length > STAFF_PASSWORD_MAX) return `Use at most ${STAFF_PASSWORD_MAX} characters.`;
  if (!password.trim()) return "Use letters, digits or symbols, not only spaces.";
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "Do not use your e-mail address as the password.";
  return null;
}
