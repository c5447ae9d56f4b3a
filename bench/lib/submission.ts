import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { todayInChicago } from "../../src/domain/authorization-form.ts";
import { UPLOAD_FIELDS } from "../../src/domain/submission.ts";
import { validPatientForm } from "../../tests/support/forms.ts";
import { photoPng } from "../../tests/support/files.ts";

/**
 * What the browser posts when the authorization form is submitted: the `submitAuthorization`
 * server action, called with one FormData, encoded by React's own `encodeReply` (the one Next
 * bundles for the browser) into multipart form data; Next finds the action by the `Next-Action`
 * header. The body is encoded once with a placeholder idempotency key, which each request
 * replaces with a fresh one of the same length, so every request is a new submission.
 */
export type ActionRequest = { actionId: string; contentType: string; template: Buffer; keyOffset: number };

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};
const ACTION_FILE = "src/app/(requester)/request/actions.ts";
const ROUTER_STATE = encodeURIComponent(
  JSON.stringify(["", { children: ["(requester)", { children: ["request", { children: ["__PAGE__", {}, null, null] }, null, null] }, null, null] }, null, null, true]),
);
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
export async function submissionRequest(actionId: string, now = new Date()): Promise<ActionRequest> {
  const form = validPatientForm();
  // Dates relative to today, so the form stays valid whenever the benchmark runs.
  const today = todayInChicago(now);
  form.expiration = { kind: "DATE", date: `${Number(today.slice(0, 4)) + 1}-06-30` };
  form.information = { ...form.information, dateTo: today };

  // As the wizard builds it (src/components/authorization-form/Wizard.tsx).
  const data = new FormData();
  data.set("payload", JSON.stringify(form));
  data.set("idempotencyKey", PLACEHOLDER_KEY);
  data.set(UPLOAD_FIELDS.photoId, new File([new Uint8Array(photoPng())], "photo-id.png", { type: "image/png" }));
  const encoded = await encodeReply([data]);
  const multipart = new Response(encoded);
  const template = Buffer.from(await multipart.arrayBuffer());
  const keyOffset = template.indexOf(PLACEHOLDER_KEY);
  if (keyOffset < 0 || template.indexOf(PLACEHOLDER_KEY, keyOffset + 1) >= 0) throw new Error("The encoded submission does not hold its idempotency key once");
  return { actionId, contentType: multipart.headers.get("content-type")!, template, keyOffset };
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
    // The page the browser is on, as its router describes it.
    "next-router-state-tree": ROUTER_STATE,
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
