import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../requests/submit-authorization";
import { problemTextIn } from "@/i18n/translator";

/**
 * Idempotency for the third party's forms, as for the authorization form (decision 0009): the key
 * is a random v4 UUID made once per form in the browser, bound when stored to SHA-256(the
 * browser's rc-client token · the canonical answers · each file's SHA-256). A replay gets the
 * stored confirmation only with the same binding.
 */
export const thirdPartyIdempotencyKey = z.uuidv4();

export const FORM_NOT_SENT = "This form could not be sent. Reload the page and try again.";
export const THIRD_PARTY_REPLAY_REFUSED =
  "This form was already sent, from another browser or with different answers, so we cannot show its reference here. If you sent it, use the reference shown then, or call Record Connect. To send a new request, open the form in a new browser tab and fill it in again.";

const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

export function thirdPartyBinding(clientToken: string, payload: unknown, files: Uint8Array[] = []): string {
  return sha(`third-party:${sha(clientToken)}\n${sha(canonicalJson(payload ?? null))}\n${files.map((f) => sha(f)).join(",") || "-"}`);
}

export function sameBinding(stored: string | null, binding: string): boolean {
  return stored !== null && stored.length === binding.length && timingSafeEqual(Buffer.from(stored), Buffer.from(binding));
}

/** Zod issues as the forms' field errors ("address.city": [...]). */
export function issuesByField(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  // The third party's pages are in English: a schema's problem keys (src/domain/problems.ts) become English sentences here.
  for (const issue of issues) (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(problemTextIn("en", issue.message));
  return fieldErrors;
}
