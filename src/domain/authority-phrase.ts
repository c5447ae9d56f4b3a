import type { RepresentativeAuthority } from "./authorization-form";
import { representativeAuthorityLabels } from "./labels";

/**
 * A representative's authority as it reads in a sentence or a summary ("You are signing as …",
 * "Signing as …" on the PDF), not as the form's choice: the choice's "(explain)" is an
 * instruction for the form, and "other legal authority" is followed by what the person wrote.
 */
export function authorityInSentence(authority: RepresentativeAuthority, detail?: string | null): string {
  const label = representativeAuthorityLabels[authority].label.replace(/\s*\((explain|describe)\)\s*$/i, "");
  const described = detail?.trim();
  return authority === "OTHER" && described ? `${label}: ${described}` : label;
}
