/**
 * Generators of hostile input for the fuzz tests (fast-check): a valid form with values replaced
 * at random paths by the wrong type, null, a huge string, an array where a string belongs, odd
 * unicode, or extra keys; and arbitrary JSON.
 */
import fc from "fast-check";

/** Values a client can put where the schema expects something else. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER, 1e308),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\u202e\u200b", "😀".repeat(50), "<script>alert(1)</script>", "'; DROP TABLE x; --", "2026-02-30", "9999-99-99", "0000-00-00", "2026-13-45T99:99", "-1", "1e999", "__proto__", "constructor", "toString"),
  fc.constant("x".repeat(100_000)),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.array(fc.constant(null), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant([[[[]]]]),
);

type Json = unknown;

function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function setAt(value: Json, path: string[], replacement: unknown): Json {
  if (path.length === 0) return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const [head, ...rest] = path;
  (copy as Record<string, unknown>)[head!] = setAt((copy as Record<string, unknown>)[head!], rest, replacement);
  return copy;
}

/** A copy of `base` with one to four of its values (at any depth, the whole included) replaced. */
export function mutatedForm(base: Json): fc.Arbitrary<Json> {
  const all = paths(base);
  return fc
    .array(fc.tuple(fc.constantFrom(...all), hostileValue, fc.boolean(), fc.string({ minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 4 })
    .map((changes) => {
      let value = base;
      for (const [path, replacement, extraKey, key] of changes) {
        value = setAt(value, path, replacement);
        // Sometimes an unknown key beside the replaced value.
        if (extraKey && path.length > 0) value = setAt(value, [...path.slice(0, -1), key], replacement);
      }
      return value;
    });
}

/** Arbitrary JSON, including deep nesting. */
export const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 6 });
