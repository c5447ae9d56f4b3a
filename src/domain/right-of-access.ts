/**
 * The right of access (45 CFR 164.524) in plain words: what the patient can get, in what form and
 * format, how fast, what it may cost and how to complain — shown on the home page and on the
 * access request before anything is asked, and printed on the request's PDF (issue 17 item 2;
 * docs/right-of-access.md). Pure text and small functions: no I/O.
 */
import type { AccessFormat } from "./authorization-form";
import { addCalendarDays } from "./chicago";
import { RESPONSE_DAYS } from "./deadlines";
import { organization } from "./organization";

/** Each format the patient may choose, in their words; every one is fulfilled by staff as recorded. */
export const accessFormatLabels: Record<AccessFormat, { label: string; explanation: string; electronic: boolean }> = {
  PDF_DOWNLOAD: {
    label: "PDF to download",
    explanation: "We e-mail you a link to a secure website where you download your records as a PDF. The e-mail never contains the records themselves.",
    electronic: true,
  },
  EHI_EXPORT: {
    label: "Full electronic health information export",
    explanation:
      "Everything our certified electronic health record holds about you, in its computer-readable export (the “EHI export” federal rules require), through the same secure download. Useful for apps or another provider’s system.",
    electronic: true,
  },
  PAPER_MAIL: { label: "Paper copy by mail", explanation: "We mail a paper copy to the address you give.", electronic: false },
  PAPER_PICKUP: {
    label: "Paper copy to pick up",
    explanation: `We call you to schedule a pickup at ${organization.pickupPlace}. Bring a government-issued photo ID.`,
    electronic: false,
  },
};

/** The statement of the right, one sentence per thing a patient needs to know (what, form, how fast, cost, complaints). */
export const rightOfAccessStatements = {
  what: "You have a right to see and get a copy of your own health records — your complete record, including mental health, HIV, genetic testing and substance use treatment records of your own care — under federal law (HIPAA, 45 CFR 164.524). You do not have to say why.",
  form: "You choose the form: a PDF, the full electronic export, or paper by mail or pickup. If we hold your records electronically, we give you an electronic copy.",
  speed: `We send your records within ${RESPONSE_DAYS} days of receiving your request, usually sooner. If we need more time, we tell you in writing before then why, and when to expect them.`,
  cost: "For your own copy, the law allows only a reasonable, cost-based fee — never a search or retrieval fee. An electronic copy costs at most a flat $6.50, everything included. You see the fee before you send the request.",
  notes:
    "Psychotherapy notes (a therapist’s own notes kept apart from your record) are not part of this right; the rest of your mental health record is.",
  complaint: `If we refuse or delay your request, you may complain to us (call ${organization.questionsPhone}) and to the U.S. Department of Health and Human Services, Office for Civil Rights. We will not hold a complaint against you.`,
} as const;

/**
 * The latest day the requester can expect the records if they submit on `today` (a Chicago day,
 * YYYY-MM-DD): the same day dueDayFor gives the stored request (src/domain/deadlines.ts).
 */
export function expectedByDay(today: string): string {
  return addCalendarDays(today, RESPONSE_DAYS);
}

/** What the accounting of disclosures and staff pages say in place of a purpose for an access request (it has none). */
export const ACCESS_PURPOSE_LABEL = "The patient's own access to their records (45 CFR 164.524)";

/** The purpose a disclosure records: the authorization's, or for an access request the right of access. */
export function disclosurePurpose(r: { purpose: string | null }): string {
  return r.purpose ?? ACCESS_PURPOSE_LABEL;
}
