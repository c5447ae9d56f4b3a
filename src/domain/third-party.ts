/**
 * Third-party requests (RULES.md §3, issue 11 item 6, docs/decisions/0013): an attorney, insurer or
 * other organisation asks for a patient's records. It is never a signer: it names the patient, and
 * the patient (or their personal representative) signs an authorization naming it as recipient —
 * online through a link e-mailed to the patient, or on paper. Pure: no I/O.
 */
import { z } from "zod";
import { addressSchema } from "./authorization-form";

export const THIRD_PARTY_KINDS = ["ATTORNEY", "INSURER", "OTHER"] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

export const thirdPartyKindLabels: Record<ThirdPartyKind, string> = {
  ATTORNEY: "Attorney or law firm",
  INSURER: "Insurance company",
  OTHER: "Other organisation",
};

/** Days a signing invitation stays open. */
export const INVITATION_DAYS = 14;
/** Wrong date-of-birth answers before a signing link stops working. */
export const MAX_IDENTITY_ATTEMPTS = 5;

const text = (label: string, max = 120) =>
  z.string({ error: `Enter ${label}` }).trim().min(1, `Enter ${label}`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);
const name = (label: string) => text(label, 80).regex(/^[\p{L}\p{M}][\p{L}\p{M}' .,-]*$/u, `Enter ${label} using letters, spaces, hyphens and apostrophes`);
const email = (label: string) => z.string({ error: `Enter ${label}` }).trim().min(1, `Enter ${label}`).max(254, "E-mail address is too long").pipe(z.email("Enter an e-mail address like name@example.com"));

/** Who the organisation is (both paths). */
const organisationShape = {
  kind: z.enum(THIRD_PARTY_KINDS, { error: "Choose what kind of organisation you are" }),
  organization: text("the organisation's name"),
  contactName: name("your name"),
  email: email("your e-mail address"),
  phone: z
    .string({ error: "Enter your phone number" })
    .trim()
    .refine((v) => v.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "").length === 10, "Enter a 10-digit phone number, like 630-555-0100"),
  address: addressSchema,
  matterReference: z.string().trim().max(80, "The reference must be 80 characters or fewer").optional().transform((v) => (v ? v : undefined)),
};

/** The patient the organisation names, and what it asks for (both paths). */
const patientShape = {
  patientFirstName: name("the patient's first name"),
  patientLastName: name("the patient's last name"),
  patientDateOfBirth: z.string({ error: "Enter the patient's date of birth" }).min(1, "Enter the patient's date of birth").pipe(z.iso.date("Enter the patient's date of birth as a real date")),
  recordsRequested: text("the records you are asking for", 500),
  purpose: text("the purpose of the request", 300),
};

/** How the patient's signature comes: online through an e-mailed link, or on paper the organisation uploads. */
export const SIGNING_PATHS = ["ONLINE", "PAPER"] as const;
export type SigningPath = (typeof SIGNING_PATHS)[number];
export const signingPathSchema = z.enum(SIGNING_PATHS, { error: "Choose how the patient signs the authorization" });

export const thirdPartyStartSchema = z
  .strictObject({
    ...organisationShape,
    ...patientShape,
    patientEmail: email("the patient's e-mail address"),
    /** The third party confirms it does not sign for the patient. */
    understandsPatientSigns: z.literal(true, { error: "Confirm that the patient (or their legal representative) signs the authorization, not you" }),
  })
  .superRefine((v, ctx) => {
    if (v.email.toLowerCase() === v.patientEmail.toLowerCase())
      ctx.addIssue({ code: "custom", path: ["patientEmail"], message: "Enter the patient's own e-mail address, not yours: the patient receives the link to sign" });
  });

/**
 * The paper path (docs/decisions/0017): the organisation uploads an authorization the patient (or
 * their personal representative) signed on paper, naming the organisation as recipient. No
 * patient e-mail is needed; staff verify the scan before anything happens.
 */
export const thirdPartyPaperSchema = z.strictObject({
  ...organisationShape,
  ...patientShape,
  /** The organisation confirms the patient (or representative) signed it, not the organisation. */
  confirmsPatientSigned: z.literal(true, { error: "Confirm that the patient (or their legal representative) signed this authorization, not your organisation" }),
});

export type ThirdPartyPaperInput = z.input<typeof thirdPartyPaperSchema>;
export type ThirdPartyPaper = z.output<typeof thirdPartyPaperSchema>;

export type ThirdPartyStartInput = z.input<typeof thirdPartyStartSchema>;
export type ThirdPartyStart = z.output<typeof thirdPartyStartSchema>;

/** The organisation's columns (ThirdPartyRequester), from either start: the online-signing one or the paper upload. */
export function thirdPartyRequesterColumns(v: Pick<ThirdPartyStart, "kind" | "organization" | "contactName" | "email" | "phone" | "address" | "matterReference">, now: Date) {
  return {
    kind: v.kind,
    organization: v.organization,
    contactName: v.contactName,
    email: v.email,
    phone: v.phone,
    addressLine1: v.address.line1,
    addressLine2: v.address.line2 ?? null,
    city: v.address.city,
    state: v.address.state,
    postalCode: v.address.postalCode,
    matterReference: v.matterReference ?? null,
    createdAt: now,
  };
}

/** "Requested by Smith & Lee LLP (attorney or law firm)": what the patient, staff and the PDF show. */
export function requestedByLine(kind: ThirdPartyKind, organization: string): string {
  return `Requested by ${organization} (${thirdPartyKindLabels[kind].toLowerCase()})`;
}

/**
 * Why staff send an uploaded paper authorization back (docs/decisions/0017). The reason is shown
 * to the organisation on the page its e-mailed link opens, never in the e-mail itself.
 */
export const PAPER_DEFICIENCY_REASONS = {
  NOT_SIGNED: "The authorization is not signed by the patient or their legal representative.",
  EXPIRED: "The authorization has expired, or expires before we could release the records.",
  MENTAL_HEALTH_CONSENT: "It asks for mental health records but does not carry the separate consent (initials or signature) for them that Illinois law requires (740 ILCS 110/5).",
  SPECIAL_CATEGORY_CONSENT: "It asks for specially protected records (HIV, genetic testing, substance use treatment) without the patient's separate consent for them.",
  SIGNER_AUTHORITY: "It is signed by someone other than the patient, without proof of their authority to sign for the patient (for a minor: the right parent or guardian, and the minor where the law asks).",
  NOT_NAMING_RECIPIENT: "It does not name your organisation as the recipient of the records.",
  MISSING_ELEMENTS: "A required part of the authorization is missing (what to release, the purpose, an expiration date or event, or the patient's rights statements).",
  ILLEGIBLE: "The scan is incomplete or cannot be read. Send every page, clearly scanned.",
  OTHER: "Something else, described below.",
} as const;
export type PaperDeficiencyReason = keyof typeof PAPER_DEFICIENCY_REASONS;

export const paperDeficiencySchema = z
  .strictObject({
    reason: z.enum(Object.keys(PAPER_DEFICIENCY_REASONS) as [PaperDeficiencyReason, ...PaperDeficiencyReason[]], { error: "Choose what is wrong with the authorization" }),
    note: z.string().trim().max(500, "The note must be 500 characters or fewer").optional().transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "OTHER" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Describe what is wrong, for the organisation to correct" });
  });

/** What the organisation reads on its correction page: the fixed reason, then staff's note. */
export function deficiencyText(reason: PaperDeficiencyReason, note?: string | null): string {
  return reason === "OTHER" ? (note ?? "") : note ? `${PAPER_DEFICIENCY_REASONS[reason]} ${note}` : PAPER_DEFICIENCY_REASONS[reason];
}

/** Days the link in a deficiency notice lets the organisation upload a corrected scan. */
export const CORRECTION_DAYS = 30;
