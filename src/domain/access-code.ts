/**
 * The six-digit portal sign-in code as a person types or pastes it: e-mail clients and phones
 * often add spaces ("123 456"), a hyphen, or a line break around a copied code. Those separators
 * are removed; anything else (a letter, a seventh digit) leaves the code as given, so it is wrong.
 */
export function normalizeAccessCode(input: string): string {
  return input.replace(/[\s\u00a0\u2007\u202f-]+/g, "");
}

/** Whether the normalized code has the shape of a sign-in code (six digits). */
export function isAccessCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}
