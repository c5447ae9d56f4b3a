/** How a failed delivery is judged and recorded, and when it is tried again. Pure. */

export type SmtpFailure = { permanent: boolean; summary: string };

/**
 * Permanent or not, and a short reason that is safe to store and show: SMTP replies can echo the
 * recipient's address, so addresses are blanked. A 5xx reply is permanent (except an
 * authentication failure, which is our configuration, not the message); a 4xx reply, or no reply
 * at all (refused, reset, timed out, DNS, TLS), is worth trying again; a message nodemailer
 * itself refuses to build or address is permanent.
 */
export function describeSmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : undefined;
  if (typeof e.responseCode === "number") {
    const reply = (typeof e.response === "string" ? e.response : typeof e.message === "string" ? e.message : "").replace(/^\d{3}[ -]/, "");
    return { permanent: e.responseCode >= 500 && code !== "EAUTH", summary: redactAddresses(`SMTP ${e.responseCode}: ${reply}`) };
  }
  if (code && ["EENVELOPE", "EMESSAGE", "ESTREAM"].includes(code)) return { permanent: true, summary: `The message was refused before sending (${code})` };
  const detail = typeof e.message === "string" ? /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.exec(e.message)?.[1] : undefined;
  const kinds = [...new Set([code, detail].filter(Boolean))].join(", ");
  return { permanent: false, summary: `Could not reach the SMTP server (${kinds || "no reply"})` };
}

export function redactAddresses(text: string): string {
  return text
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[address]")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .slice(0, 300);
}

/** Exponential backoff with jitter: base × 2^(attempt−1), at most `max`, then a random 50–100 % of that. */
export function retryDelayMs(attempt: number, baseSeconds: number, maxSeconds: number, random = Math.random): number {
  const ceiling = Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
