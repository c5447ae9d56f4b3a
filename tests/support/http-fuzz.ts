/**
 * A bounded HTTP fuzz of every server action, route handler and page of a running build
 * (SECURITY.md §19): malformed action bodies, action arguments React can encode but our actions
 * never take, forms with every field of the wrong type, huge, unicode or an array, random files,
 * garbage ids, query strings and cookies. Used by tests/e2e/http-fuzz.spec.ts (in `npm test`) and,
 * with more cases, by `npm run fuzz`.
 *
 * Server actions are called as the browser calls them: the action id (from the build's
 * server-reference manifest) in the Next-Action header, and the arguments encoded by React's own
 * `encodeReply` (as bench/lib/submission.ts does).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { hostileValue } from "./fuzz";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export type Action = { id: string; name: string; file: string; page: string };

const SAMPLE_ID = "5f0c7a38-2d4e-4b8a-9c61-0a7e3d2b9f14";

/** Every server action of the build, with a page that serves it. */
export async function buildActions(root = process.cwd()): Promise<Action[]> {
  const manifest = JSON.parse(await readFile(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page =
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/page$/, "")
        .split("/")
        .filter((s) => !/^\(.*\)$/.test(s) && s !== "page")
        .map((s) => (/^\[.*\]$/.test(s) ? SAMPLE_ID : s))
        .join("/");
    return { id, name: entry.exportedName ?? "?", file: entry.filename ?? "?", page: page === "/" ? "/" : page };
  });
}

/** Names the app's forms post, so fuzzed forms reach past "missing field" into the parsers. */
export const FIELD_NAMES = [
  "payload", "idempotencyKey", "photoId", "authorityProof", "paperFormScan", "requestId", "version", "event", "reason", "days", "at", "outcome", "note",
  "collectedBy", "idChecked", "tracking", "records", "pageCount", "invoiceId", "expectedTotalCents", "medium", "microformPages", "postage", "item0Description",
  "item0Amount", "method", "amount", "receivedOn", "checkNumber", "cardLast4", "cardAuthCode", "step", "email", "password", "code", "userId", "role", "name",
  "disabled", "notificationId", "confirmationNumber", "dateOfBirth", "deficiencyId", "response", "files", "signerName", "statement", "confirm",
  "elementsPresent", "identityChecked",
] as const;

const fieldValue: fc.Arbitrary<string | File> = fc.oneof(
  { weight: 6, arbitrary: hostileValue.map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")) },
  { weight: 2, arbitrary: fc.constantFrom(SAMPLE_ID, "1", "0", "-1", "99999999999999999999", "2026-13-45T99:99", "2026-02-30", "VERIFY", "PICKUP", "on", "true", "ADMIN", "password") },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => new File([bytes], "x.pdf", { type: "application/pdf" })) },
  { weight: 1, arbitrary: fc.constant(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], "id.png", { type: "image/png" })) },
);

/** A form: known and unknown names, each with one or several hostile values (arrays where one value belongs). */
export const fuzzedForm: fc.Arbitrary<[string, string | File][]> = fc.array(
  fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), fc.array(fieldValue, { minLength: 1, maxLength: 3 })),
  { maxLength: 12 },
).map((fields) => fields.flatMap(([name, values]) => values.map((v) => [name, v] as [string, string | File])));

function toFormData(entries: [string, string | File][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

/** A hostile value React's encoder accepts (plain data: no custom prototypes). */
const plainHostile = hostileValue.map((v) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v) ?? "null") as unknown)));

/** Arguments as the app's pages send them, and as a client could send them instead. */
export const fuzzedArguments: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 5, arbitrary: fuzzedForm.map((f): unknown[] => [undefined, toFormData(f)]) },
  { weight: 3, arbitrary: fuzzedForm.map((f): unknown[] => [toFormData(f)]) },
  { weight: 1, arbitrary: fc.tuple(plainHostile, fuzzedForm).map(([state, f]): unknown[] => [state, toFormData(f)]) },
  { weight: 2, arbitrary: fc.array(plainHostile, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
);

export type Body = { body: string | Uint8Array<ArrayBuffer>; contentType: string; label: string };

/** Bodies React cannot decode, or can but into things our actions never take. */
export const malformedBody: fc.Arbitrary<Body> = fc.oneof(
  fc.string({ maxLength: 200 }).map((s) => ({ body: s, contentType: "text/plain;charset=UTF-8", label: "random text" })),
  fc.uint8Array({ maxLength: 500 }).map((b) => ({ body: new Uint8Array(b), contentType: "text/plain;charset=UTF-8", label: "random bytes" })),
  fc
    .constantFrom("", "[", "{", "garbage", "null", "1", '"$Q1"', '["$1"]', '["$Z"]', '["$@1"]', '["$h1"]', '["$Q1"]', '["$W1"]', '["$i1"]', '["$B1"]', '["$T"]', '["$nabc"]', '["$n' + "9".repeat(400) + '"]', '["$K1", "$K2", "$K3"]', '[{"a":"$1"}]', "[".repeat(5000) + "]".repeat(5000), '{"0":1}', '["$R1"]', '["$AB1"]')
    .map((s) => ({ body: s, contentType: "text/plain;charset=UTF-8", label: `text ${s.slice(0, 20)}` })),
  fc.constantFrom(
    { body: "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--x--", contentType: "multipart/form-data; boundary=y", label: "wrong boundary" },
    { body: "--x\r\nContent-Disposition: form-data; name=\"1\"\r\n\r\nhello\r\n--x--\r\n", contentType: "multipart/form-data; boundary=x", label: "no root part" },
    { body: "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$1\"]\r\n--x--\r\n", contentType: "multipart/form-data; boundary=x", label: "missing outlined part" },
    { body: "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n{not json\r\n--x--\r\n", contentType: "multipart/form-data; boundary=x", label: "root not JSON" },
    { body: "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--x", contentType: "multipart/form-data; boundary=x", label: "truncated multipart" },
    { body: "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--x--\r\n", contentType: "multipart/form-data", label: "no boundary" },
    { body: "not multipart at all", contentType: "multipart/form-data; boundary=x", label: "not multipart" },
  ),
);

/** The body React's encoder makes of these arguments. */
export async function encodeArguments(args: unknown[]): Promise<Body> {
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") return { body: encoded, contentType: "text/plain;charset=UTF-8", label: "encoded text" };
  const response = new Response(encoded);
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type")!, label: "encoded form" };
}

export type Outcome = { status: number; text: string };

export async function postAction(baseURL: string, action: Action, body: Body, cookie = ""): Promise<Outcome> {
  const response = await fetch(new URL(action.page, baseURL), {
    method: "POST",
    headers: { "content-type": body.contentType, accept: "text/x-component", "next-action": action.id, origin: new URL(baseURL).origin, ...(cookie ? { cookie } : {}) },
    body: body.body,
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

/** Words that mean the server failed rather than the input being refused. */
export const OUR_FAULT = /on our side|went wrong on the server/i;
