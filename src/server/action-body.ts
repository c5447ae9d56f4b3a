/**
 * Server-action request bodies are checked in the proxy before Next.js decodes them (SECURITY.md
 * §19). Next answers 500 to a body React cannot decode and to one above the size limit, so a
 * malformed or oversized post would look like our failure; here it gets 400 or 413 and a
 * sentence, and never reaches an action.
 *
 * What is accepted is what this application's pages send (React's `encodeReply` of the action's
 * arguments): a JSON array of arguments — as text, or as the "0" part of multipart form data with
 * the FormData arguments' entries beside it — whose values are plain JSON, a FormData reference
 * (`$K…`), or React's encodings of undefined, NaN, ±Infinity, −0, dates, big integers and
 * strings that start with "$". Anything else React could decode (promises, maps, sets,
 * iterators, streams, typed arrays, server or temporary references, outlined models) none of our
 * actions takes, and is refused. A no-JavaScript form post (multipart without the Next-Action
 * header) must at least parse as form data, and may not carry bound arguments.
 *
 * No "server-only" here: the proxy imports it.
 */

/** The server actions' body limit (next.config.ts `serverActions.bodySizeLimit`), in bytes. */
export const ACTION_BODY_LIMIT_BYTES = 45 * 1024 * 1024;

export type BodyRefusal = { status: 400 | 413; message: string };

export const MALFORMED: BodyRefusal = { status: 400, message: "This form could not be read. Reload the page and try again." };
export const TOO_LARGE: BodyRefusal = {
  status: 413,
  message: "What you sent is too large: at most 45 MB at once (each file at most 10 MB). Remove a file or choose smaller ones, then try again.",
};

const MAX_DEPTH = 64;
const SIMPLE = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

/** Why the JSON value of an action's arguments is not one our pages send, or null. */
export function argumentsProblem(root: unknown): string | null {
  if (!Array.isArray(root)) return "the arguments are not a list";
  if (root.length > 2) return "too many arguments";
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return "nested too deeply";
    if (typeof value === "string") {
      if (!value.startsWith("$") || value.startsWith("$$") || SIMPLE.has(value)) continue;
      if (/^\$K[0-9a-f]{1,8}$/.test(value)) continue;
      if (/^\$D/.test(value)) continue;
      if (/^\$n-?\d{1,300}$/.test(value)) continue;
      return "a reference our pages never send";
    }
    if (value !== null && typeof value === "object") for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Checks a POST the proxy sees: null when Next may decode it, else the answer to give. `body` is
 * the request body as the proxy received it (Next gives the proxy at most its
 * `proxyClientMaxBodySize`, which is set above the action limit, so a longer body shows as over it).
 */
export async function actionBodyProblem(request: Request): Promise<BodyRefusal | null> {
  if (request.method !== "POST") return null;
  const isAction = request.headers.has("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (!isAction && !multipart) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;

  const bytes = await request.clone().arrayBuffer();
  if (bytes.byteLength > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  if (!multipart) {
    const parsed = parseJson(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
    return parsed.ok && !argumentsProblem(parsed.value) ? null : MALFORMED;
  }
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return MALFORMED;
  }
  if (!isAction) {
    // A form posted without JavaScript: Next decodes `$ACTION_…` fields; bound arguments we never use.
    for (const key of form.keys()) if (key.startsWith("$ACTION_REF_") || /^\$ACTION_\d+:/.test(key)) return MALFORMED;
    return null;
  }
  const root = form.get("0");
  if (typeof root !== "string") return MALFORMED;
  const parsed = parseJson(root);
  return parsed.ok && !argumentsProblem(parsed.value) ? null : MALFORMED;
}
