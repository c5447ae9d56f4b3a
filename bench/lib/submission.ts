import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { todayInChicago } from "../../src/domain/authorization-form.ts";
import { validPatientForm } from "../../tests/support/forms.ts";
import { photoPng } from "../../tests/support/files.ts";

/**
 * What the browser posts when the authorization form is submitted: the `submitAuthorization`
 * server action, called with one FormData. React encodes such a call (encodeReply) as multipart
 * form data whose FormData argument's fields are prefixed with its part number ("1_payload"…) and
 * whose field "0" is the argument list (`["$K1"]`: "the FormData of part 1"); Next finds the
 * action by the `Next-Action` header. The body is built once with a placeholder idempotency key of
 * the same length, which each request replaces, so every request is a new submission.
 */
export type ActionRequest = { actionId: string; contentType: string; template: Buffer; keyOffset: number };

const ACTION_FILE = "src/app/(requester)/request/actions.ts";
const PLACEHOLDER_KEY = "00000000-0000-4000-8000-000000000000";

/** The action's id, from the build's server-reference manifest (it changes with each build). */
export async function submitActionId(projectRoot: string, distDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "submitAuthorization" && entry.filename === ACTION_FILE);
  if (!found) throw new Error(`submitAuthorization (${ACTION_FILE}) is not in the build's server-reference manifest`);
  return found[0];
}

/** A complete, valid online request (the tests' fictional patient) with a 400×300 PNG photo ID. */
export function submissionRequest(actionId: string, now = new Date()): ActionRequest {
  const form = validPatientForm();
  // Dates relative to today, so the form stays valid whenever the benchmark runs.
  const today = todayInChicago(now);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  form.expiration = { kind: "DATE", date: nextYear.endsWith("02-29") ? nextYear.replace("02-29", "02-28") : nextYear };
  form.information = { ...form.information, dateTo: today };

  const boundary = `----RecordConnectBench${randomUUID().replaceAll("-", "")}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(field("1_payload", JSON.stringify(form)) + `--${boundary}\r\nContent-Disposition: form-data; name="1_idempotencyKey"\r\n\r\n`);
  const afterKey = Buffer.from(
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="1_photoId"; filename="photo-id.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n${field("0", JSON.stringify(["$K1"]))}--${boundary}--\r\n`);
  const template = Buffer.concat([head, Buffer.from(PLACEHOLDER_KEY), afterKey, photoPng(), tail]);
  return { actionId, contentType: `multipart/form-data; boundary=${boundary}`, template, keyOffset: head.length };
}

/** The body for one submission: the template with a fresh idempotency key. */
export function submissionBody(request: ActionRequest, key = randomUUID()): Buffer {
  const body = Buffer.from(request.template);
  body.write(key, request.keyOffset, "ascii");
  return body;
}

export function submissionHeaders(request: ActionRequest, origin: string, client: string): Record<string, string> {
  return {
    "content-type": request.contentType,
    accept: "text/x-component",
    "next-action": request.actionId,
    origin,
    // One client per connection (documentation-range addresses, RFC 3849: only a header value,
    // nothing is sent there): the per-client rate limit then sees 50 people, as in real use,
    // rather than one address hammering one counter row.
    "x-forwarded-for": client,
  };
}

/** The action's answer is a React Server Components stream; a stored request answers ok with its number. */
export function submissionAccepted(status: number, body: string): boolean {
  return status === 200 && /"ok":true,"confirmationNumber":"RC-/.test(body);
}
