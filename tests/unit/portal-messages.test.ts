import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import es from "../../messages/es.json";

/*
 * The portal's use cases answer in English sentences; src/app/(requester)/portal/messages.ts lists
 * each with its catalogue key so the requester reads it in their language (decision 0024). This
 * reads the use cases' source: every fixed sentence they can return must be in that list, and
 * every key it names must exist in both catalogues with a different Spanish text.
 */

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function sentencesOfUseCases(): string[] {
  const found = new Set<string>();
  for (const file of ["src/server/portal/access.ts", "src/server/portal/portal.ts"]) {
    const text = read(file);
    for (const m of text.matchAll(/message:\s*"([^"]+)"/g)) found.add(m[1]!);
    for (const m of text.matchAll(/fieldErrors\.\w+\s*=\s*\["([^"]+)"\]/g)) found.add(m[1]!);
    for (const m of text.matchAll(/export const (?:SENT_MESSAGE|WRONG_CODE|TOO_MANY) = "([^"]+)"/g)) found.add(m[1]!);
  }
  return [...found];
}

function listed(): Map<string, string> {
  const text = read("src/app/(requester)/portal/messages.ts");
  const access = read("src/server/portal/access.ts");
  const constant = (name: string) => new RegExp(`export const ${name} = "([^"]+)"`).exec(access)![1]!;
  const map = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(?:"([^"]+)"|\[(\w+)\]):\s*"(\w+)",$/gm)) map.set(m[1] ?? constant(m[2]!), m[3]!);
  return map;
}

describe("portal sentences in the requester's language", () => {
  it("every fixed sentence a portal use case returns has a catalogue key", () => {
    const map = listed();
    const sentences = sentencesOfUseCases();
    expect(sentences.length).toBeGreaterThan(10);
    expect(sentences.filter((s) => !map.has(s))).toEqual([]);
  });

  it("each key exists in both languages, says the same thing in English, and is translated", () => {
    const server = { en: en.portal.server as Record<string, string>, es: es.portal.server as Record<string, string> };
    for (const [sentence, key] of listed()) {
      expect(server.en[key], key).toBe(sentence);
      expect(server.es[key], key).toBeTruthy();
      expect(server.es[key], key).not.toBe(sentence);
    }
  });
});
