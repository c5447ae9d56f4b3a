/**
 * Field names that carry protected health information or identify a person. Any key whose
 * normalized name contains one of these fragments is replaced, at any depth.
 */
const PHI_FRAGMENTS = [
  "name",
  "birth",
  "dob",
  "email",
  "phone",
  "fax",
  "address",
  "street",
  "city",
  "postal",
  "zip",
  "mrn",
  "ssn",
  "initials",
  "signature",
  "purpose",
  "note",
  "response",
  "reason",
  "password",
  "secret",
  "token",
  "code",
  "cookie",
  "authorization",
  "body",
  "content",
  "file",
];

/** Keys that contain a fragment above but are safe identifiers (no person's data). */
const SAFE_KEYS = new Set(["confirmationnumber", "errorcode", "statuscode", "hostname", "templatename", "filecount"]);

const REDACTED = "[redacted]";

function isPhiKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (SAFE_KEYS.has(k)) return false;
  return PHI_FRAGMENTS.some((f) => k.includes(f));
}

export function redactPhi(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactPhi(v, depth + 1));
  if (value instanceof Error) {
    // Error messages from drivers can echo values (e.g. a failing row): keep the kind, the code and
    // the stack frames, never the message.
    const code = (value as { code?: unknown }).code;
    const frames = (value.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 8);
    return { type: value.name, ...(typeof code === "string" ? { errorCode: code } : {}), frames };
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isPhiKey(k) ? REDACTED : redactPhi(v, depth + 1);
    }
    return out;
  }
  return value;
}
