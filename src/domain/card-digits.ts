/**
 * What the "card's last four digits" field keeps from what a person types or pastes. Staff often
 * paste the whole card number (with spaces or dashes) from a phone note: only its last four digits
 * are kept, and `dropped` says that more was given, so the form can tell them. Nothing but digits
 * is kept; a full card number never leaves the browser.
 */
export function keepLastFourDigits(input: string): { value: string; dropped: boolean } {
  const digits = input.replace(/\D+/g, "");
  return digits.length > 4 ? { value: digits.slice(-4), dropped: true } : { value: digits, dropped: false };
}
