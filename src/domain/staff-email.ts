/**
 * Staff accounts use the organisation's own e-mail: a personal webmail address (gmail.com,
 * outlook.com…) is outside its control (no offboarding, no retention), so it is refused. The
 * allowed domains are a setting (STAFF_EMAIL_DOMAINS); an address at one of them or at a
 * subdomain of one (mail.recordconnect.example) is accepted.
 */
export const DEFAULT_STAFF_EMAIL_DOMAINS = ["recordconnect.example"] as const;

/** "a.example, B.example" → ["a.example", "b.example"]; empty → the default. */
export function parseStaffEmailDomains(setting: string | undefined): string[] {
  const domains = (setting ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  return domains.length ? domains : [...DEFAULT_STAFF_EMAIL_DOMAINS];
}

export function isAllowedStaffEmail(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/** The field message for an address outside the allowed domains. */
export function staffEmailDomainMessage(domains: readonly string[]): string {
  const list = domains.map((d) => `@${d}`);
  const named = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} or ${list.at(-1)}`;
  return `Use the person's work e-mail, ending in ${named}. Personal addresses (Gmail, Outlook and the like) are not accepted for staff accounts.`;
}
