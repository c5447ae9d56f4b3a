/**
 * Human reference numbers. Random (never sequential), from Crockford's base-32 alphabet, which
 * leaves out I, L, O and U so a number read over the phone is not misheard or mistyped.
 * A confirmation number alone never grants access to a record.
 */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomSymbols(count: number, random: (n: number) => Uint8Array): string {
  // 32 divides 256, so taking each byte modulo 32 is unbiased.
  return Array.from(random(count), (b) => CROCKFORD_ALPHABET[b % 32]).join("");
}

const webRandom = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** e.g. RC-7K3M-Q9PX: 40 random bits. */
export function newConfirmationNumber(random = webRandom): string {
  const s = randomSymbols(8, random);
  return `RC-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** e.g. INV-2026-4K7Q9M. */
export function newInvoiceNumber(year: number, random = webRandom): string {
  return `INV-${year}-${randomSymbols(6, random)}`;
}

export const CONFIRMATION_NUMBER_PATTERN = /^RC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Accepts what a person types (lower case, spaces, O for 0, I/L for 1) and returns the canonical form, or null. */
export function normalizeConfirmationNumber(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/^RC/, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (compact.length !== 8) return null;
  const candidate = `RC-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return CONFIRMATION_NUMBER_PATTERN.test(candidate) ? candidate : null;
}
