import { BUSY_MESSAGE, busySignal, type SubmitResult } from "@/domain/submission";

export type RetryOptions = {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Longest wait between two attempts. */
  maxDelayMs?: number;
  /** Told each time the server answered "busy" and the form is about to try again. */
  onBusy?: (message: string, attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** What is done with a stored answer's receipt (default: it becomes the confirmation page's cookie). */
  keepReceipt?: (result: Extract<SubmitResult, { ok: true }>) => Promise<SubmitResult>;
};

export const STILL_BUSY_MESSAGE =
  "We are still very busy. Your answers are kept in this browser: press Send again in a minute or two, and you will not be charged or counted twice.";

/**
 * The delay before retry number `attempt` (1 = the first retry): the server's hint doubled for
 * each busy answer, capped, then a random 50–100 % of that (so many browsers turned away at the
 * same moment do not come back together).
 */
export function busyRetryDelayMs(retryAfterMs: number, attempt: number, maxDelayMs: number, random = Math.random): number {
  const ceiling = Math.min(maxDelayMs, Math.max(100, retryAfterMs) * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/**
 * Sends the form through `action`, and while the server answers "busy" (admission control,
 * docs/decisions/0021) sends exactly the same FormData again — the same idempotency key, so the
 * request is stored once however many tries it takes — with exponential back-off and jitter.
 * Any other answer is returned as it is; after the last busy answer, a refusal that says the
 * answers are kept.
 */
export async function submitWithRetry(action: (data: FormData) => Promise<SubmitResult>, data: FormData, options: RetryOptions = {}): Promise<SubmitResult> {
  const { attempts = 8, maxDelayMs = 15_000, onBusy, sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random = Math.random, keepReceipt = receiptCookie } = options;
  for (let attempt = 1; ; attempt++) {
    const result = await callOnce(action, data);
    if (result.ok) return result.receipt ? keepReceipt(result) : result;
    if (result.kind !== "busy") return result;
    if (attempt >= attempts) return { ok: false, kind: "refused", message: STILL_BUSY_MESSAGE };
    onBusy?.(result.message, attempt);
    await sleep(busyRetryDelayMs(result.retryAfterMs, attempt, maxDelayMs, random));
  }
}

/**
 * One call of the action. Under overload the proxy turns a submission away before reading it
 * (src/proxy.ts); the call then throws with the proxy's busy signal, which is the same "busy" as
 * the action's own. Anything else thrown is thrown on.
 */
async function callOnce(action: (data: FormData) => Promise<SubmitResult>, data: FormData): Promise<SubmitResult> {
  try {
    return await action(data);
  } catch (error) {
    const busy = busySignal(error);
    if (!busy) throw error;
    return { ok: false, kind: "busy", message: BUSY_MESSAGE, retryAfterMs: busy.retryAfterMs };
  }
}

export const RECEIPT_LOST_MESSAGE = "Your request was received. Keep its confirmation number:";

/**
 * The answer's receipt becomes the HttpOnly cookie that opens /request/confirmation. If that
 * fails, the request is stored all the same: the person is told its number.
 */
async function receiptCookie(result: Extract<SubmitResult, { ok: true }>): Promise<SubmitResult> {
  const { receipt, ...rest } = result;
  try {
    const response = await fetch("/request/confirmation/receipt", { method: "POST", body: receipt, headers: { "content-type": "text/plain" }, credentials: "same-origin" });
    if (response.ok) return rest;
  } catch {
    // below
  }
  return { ok: false, kind: "refused", message: `${RECEIPT_LOST_MESSAGE} ${result.confirmationNumber}. This page could not open its confirmation; the e-mail we send confirms it. Do not send the form again.` };
}
