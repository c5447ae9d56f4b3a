/**
 * Turning a problem (src/domain/problems.ts) into a sentence in a language: in client components
 * with `useProblemText()`, elsewhere with `problemText(t, message)` and a translator of no
 * namespace. Text that is not a problem key passes through unchanged.
 */
import { parseProblem } from "@/domain/problems";

export type Translator = {
  (key: never, values?: Record<string, string>): string;
  has(key: never): boolean;
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function problemText(t: Translator, message: string): string {
  const problem = parseProblem(message);
  if (!problem || !t.has(problem.key as never)) return message;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.values)) {
    values[name] = value.startsWith("fieldLabels.") && t.has(value as never) ? t(value as never) : value;
  }
  // "{Label}" starts a sentence with the label: the same words, capitalized.
  if (values.label !== undefined) values.Label = capitalize(values.label);
  return t(problem.key as never, values);
}

