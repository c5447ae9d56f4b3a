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

export const thirdPartyStartSchema = z
  .strictObject({
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
    patientFirstName: name("the patient's first name"),
    patientLastName: name("the patient's last name"),
    patientDateOfBirth: z.string({ error: "Enter the patient's date of birth" }).min(1, "Enter the patient's date of birth").pipe(z.iso.date("Enter the patient's date of birth as a real date")),
    patientEmail: email("the patient's e-mail address"),
    recordsRequested: text("the records you are asking for", 500),
    purpose: text("the purpose of the request", 300),
    /** The third party confirms it does not sign for the patient. */
    understandsPatientSigns: z.literal(true, { error: "Confirm that the patient (or their legal representative) signs the authorization, not you" }),
  })
  .superRefine((v, ctx) => {
    if (v.email.toLowerCase() === v.patientEmail.toLowerCase())
      ctx.addIssue({ code: "custom", path: ["patientEmail"], message: "Enter the patient's own e-mail address, not yours: the patient receives the link to sign" });
  });

export type ThirdPartyStartInput = z.input<typeof thirdPartyStartSchema>;
export type ThirdPartyStart = z.output<typeof thirdPartyStartSchema>;

/** "Requested by Smith & Lee LLP (attorney or law firm)": what the patient, staff and the PDF show. */
export function requestedByLine(kind: ThirdPartyKind, organization: string): string {
  return `Requested by ${organization} (${thirdPartyKindLabels[kind].toLowerCase()})`;
}
