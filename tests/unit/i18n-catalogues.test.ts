import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import es from "../../messages/es.json";

/**
 * Issue 15: one catalogue per language, and a test that fails when a key is missing in a language
 * or unused. How keys are found in the source (docs/decisions/0023-spanish-and-i18n.md, I18N_API):
 * a key "a.b.c" is used when a source file spells it whole ("a.b.c"), or names a namespace
 * ("a.b" in useTranslations / getTranslations / translatorFor / a `namespace:` option) and spells
 * the rest ("c") as a string literal. Keys chosen at run time (error codes, enum values) must
 * therefore appear as literals in a list next to their use — which also keeps that list honest.
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const catalogues = { en: flatten(en as Tree), es: flatten(es as Tree) };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const NAMESPACE_CALL = /\b(?:useTranslations|getTranslations|translatorFor|createTranslator)\(\s*(?:[A-Za-z_$][\w$]*\s*,\s*)?["'`]([\w.]+)["'`]/g;
const NAMESPACE_OPTION = /\bnamespace:\s*["'`]([\w.]+)["'`]/g;
const LITERAL = /["'`]([A-Za-z_][\w.-]*)["'`]/g;

function usedKeys(): Set<string> {
  const used = new Set<string>();
  const keys = [...catalogues.en.keys()];
  for (const file of sourceFiles(path.resolve(import.meta.dirname, "../../src"))) {
    const text = readFileSync(file, "utf8");
    const namespaces = new Set([...text.matchAll(NAMESPACE_CALL), ...text.matchAll(NAMESPACE_OPTION)].map((m) => m[1]!));
    const literals = new Set([...text.matchAll(LITERAL)].map((m) => m[1]!));
    for (const key of keys) {
      if (literals.has(key)) used.add(key);
      else for (const ns of namespaces) if (key.startsWith(`${ns}.`) && literals.has(key.slice(ns.length + 1))) used.add(key);
    }
  }
  return used;
}

/** The argument names of an ICU message (`{name}`, `{count, plural, …}`, `<tag>`), nested ones included. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,|\})/g)) names.add(m[1]!);
  for (const m of message.matchAll(/<([A-Za-z_]\w*)>/g)) names.add(`<${m[1]!}>`);
  return [...names].sort();
}

describe("message catalogues", () => {
  it("have exactly the same keys in every language", () => {
    const enKeys = [...catalogues.en.keys()];
    const esKeys = [...catalogues.es.keys()];
    expect(enKeys.filter((k) => !catalogues.es.has(k)), "missing in es.json").toEqual([]);
    expect(esKeys.filter((k) => !catalogues.en.has(k)), "missing in en.json").toEqual([]);
  });

  it("have the same placeholders and tags in every language", () => {
    const mismatched = [...catalogues.en].filter(([key, message]) => argumentsOf(message).join() !== argumentsOf(catalogues.es.get(key) ?? "").join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("have no empty message", () => {
    for (const [, catalogue] of Object.entries(catalogues)) expect([...catalogue].filter(([, m]) => !m.trim()).map(([k]) => k)).toEqual([]);
  });

  it("use every key somewhere in the source", () => {
    const used = usedKeys();
    expect([...catalogues.en.keys()].filter((k) => !used.has(k)), "unused keys").toEqual([]);
  });

  it("catch an unused key (the scan is not vacuous)", () => {
    const used = usedKeys();
    expect(used.has("common.siteName")).toBe(true);
    expect(used.has("common.noSuchKeyAnywhere")).toBe(false);
  });
});
