/**
 * Validation messages as message keys (issue 15): the schemas (src/domain/authorization-form.ts)
 * say WHICH problem, the page says it in the reader's language. A problem is the key of a message
 * in the catalogues' "errors" namespace, with its values — `errors.enter?label=fieldLabels.city`
 * — so the server's validation is the same for every language and its answer (field errors) is
 * translated where it is shown (src/i18n/problems.ts). Values naming a `fieldLabels.*` key are
 * translated too. Pure: no I/O.
 */
import type { Messages } from "@/i18n/messages";

export type ProblemKey = `errors.${keyof Messages["errors"] & string}`;
export type FieldLabelKey = `fieldLabels.${keyof Messages["fieldLabels"] & string}`;

export function problem(key: ProblemKey, values?: Record<string, string | number>): string {
  if (!values) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString()}`;
}

const PROBLEM = /^(errors\.[A-Za-z0-9_]+)(?:\?(.*))?$/s;

/** The key and values of a problem; null for any other text (an English sentence from elsewhere, shown as it is). */
export function parseProblem(message: string): { key: string; values: Record<string, string> } | null {
  const match = PROBLEM.exec(message);
  if (!match) return null;
  return { key: match[1]!, values: Object.fromEntries(new URLSearchParams(match[2] ?? "")) };
}
