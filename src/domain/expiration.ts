/** What counts as an authorization's expiration event (RULES.md §2 element 5). Pure. */

/**
 * An expiration "event" that names no event is no expiration at all (164.508(c)(1)(v) needs a
 * date or an event): "never", "none", "no expiration", "indefinitely", "n/a"…
 */
export function isRealExpirationEvent(event: string | null | undefined): boolean {
  const t = (event ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (t.length < 3) return false;
  const empty = /^(never|none|no|n a|na|nil|not applicable|no expiration( date)?|no expiry|does not expire|doesn t expire|will not expire|never expires?|indefinite(ly)?|forever|permanent(ly)?|unlimited|perpetual|no end( date)?|no event|none given|tbd|unknown|not specified|open( ended)?|until revoked|until i revoke( it)?)$/;
  return !empty.test(t);
}
