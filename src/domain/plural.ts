/** "1 page", "2 pages", "0 pages": a count with its noun in the right number (English). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${Math.abs(count) === 1 ? singular : pluralForm}`;
}
