/**
 * The "Authorization for Release of Health Information": one zod schema, used by react-hook-form
 * in the browser and re-parsed by the server action (ARCHITECTURE.md), in two modes that share
 * every section and rule — online (signed in the browser) and paper (a signed paper form received
 * by mail or fax, keyed in by staff: RULES.md §1). Rules and their sources:
 * ../shared/domain/RULES.md §2–§4. Pure: no I/O, no Next, no Prisma.
 *
 * Uploaded files are not part of this schema (they travel beside it in the form data and are
 * checked by content on the server: src/server/uploads.ts); `uploadRules` below says which are
 * required.
 */
import { z } from "zod";
import { todayInChicago } from "./chicago";
import { isRealExpirationEvent } from "./expiration";
import { formatIsoDate } from "./format";
import { type FieldLabelKey, problem } from "./problems";
import { type Category, decideRequest, initialsMatch, type RequestDecision, type SigningFacts, SURVIVING_RELATIONSHIPS } from "./signing-rules";

// ───────────────────────────── vocabularies ─────────────────────────────

export const REPRESENTATIVE_AUTHORITIES = [
  "PARENT_OF_MINOR",
  "COURT_APPOINTED_GUARDIAN",
  "HEALTH_CARE_POWER_OF_ATTORNEY",
  "ESTATE_EXECUTOR_OR_ADMINISTRATOR",
  "SURVIVING_RELATIVE",
  "OTHER",
] as const;
export type RepresentativeAuthority = (typeof REPRESENTATIVE_AUTHORITIES)[number];

export const RECORD_TYPES = [
  "VISIT_NOTES",
  "LAB_RESULTS",
  "IMAGING_REPORTS",
  "IMMUNIZATIONS",
  "MEDICATION_LIST",
  "BILLING_RECORDS",
  "OTHER",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Each needs its own initials on the form (RULES.md §3). Psychotherapy notes are separate (alone). */
export const SPECIAL_CATEGORIES = ["MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER"] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

export const PURPOSES = ["AT_REQUEST_OF_INDIVIDUAL", "CONTINUING_CARE", "LEGAL", "INSURANCE", "PERSONAL", "OTHER"] as const;
export type Purpose = (typeof PURPOSES)[number];

export const DELIVERY_METHODS = ["SECURE_EMAIL", "MAIL", "PICKUP"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const RELEASE_SOURCES = ["THIS_GROUP", "EDWARD_ELMHURST", "TO_THIS_GROUP_FROM_ELSEWHERE"] as const;

/** How a paper form reached Record Connect. */
/** UPLOAD: uploaded by the third party that asks (docs/decisions/0017); only an uploaded authorization's key-in sets it. */
export const PAPER_CHANNELS = ["MAIL", "FAX", "UPLOAD"] as const;
export type PaperChannel = (typeof PAPER_CHANNELS)[number];

/**
 * Online: the requester fills in and signs the authorization here. Paper: staff key in a signed
 * paper form. Access: the patient (or personal representative) asks for the patient's own records
 * — the right of access, 45 CFR 164.524, not an authorization (issue 17; decision 0018).
 */
export type FormMode = "online" | "paper" | "access" | "paper-access";

/** Staff keying in a paper form: the authorization, or the own-records request (decision 0018). */
export function isPaperMode(mode: FormMode): boolean {
  return mode === "paper" || mode === "paper-access";
}

/** The right-of-access door, online or keyed in from paper. */
export function isAccessMode(mode: FormMode): boolean {
  return mode === "access" || mode === "paper-access";
}

/**
 * The form and format of an access request (45 CFR 164.524(c)(2)), each with the one delivery it
 * implies: a PDF or the full electronic health information export (what a certified EHR must
 * export, 45 CFR 170.315(b)(10)) through the secure download; paper by mail or at pickup.
 */
export const ACCESS_FORMATS = ["PDF_DOWNLOAD", "EHI_EXPORT", "PAPER_MAIL", "PAPER_PICKUP"] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];
export const ACCESS_FORMAT_DELIVERY: Record<AccessFormat, DeliveryMethod> = {
  PDF_DOWNLOAD: "SECURE_EMAIL",
  EHI_EXPORT: "SECURE_EMAIL",
  PAPER_MAIL: "MAIL",
  PAPER_PICKUP: "PICKUP",
};

export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
  "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
  "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
] as const;

// ───────────────────────────── field shapes ─────────────────────────────

const text = (label: FieldLabelKey, max = 120) =>
  z
    .string({ error: problem("errors.enter", { label }) })
    .trim()
    .min(1, problem("errors.enter", { label }))
    .max(max, problem("errors.tooLong", { label, max }));

const optionalText = (label: FieldLabelKey, max = 120) =>
  z
    .string()
    .trim()
    .max(max, problem("errors.tooLong", { label, max }))
    .optional()
    .transform((v) => (v ? v : undefined));

const personName = (label: FieldLabelKey) =>
  text(label, 80).regex(/^[\p{L}\p{M}][\p{L}\p{M}' .,-]*$/u, problem("errors.nameLetters", { label }));

const phone = (label: FieldLabelKey = "fieldLabels.aPhoneNumber") =>
  z
    .string({ error: problem("errors.enter", { label }) })
    .trim()
    .min(1, problem("errors.enter", { label }))
    .max(30, problem("errors.phoneLike"))
    .refine((v) => v.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "").length === 10, problem("errors.phoneDigits"));

const optionalPhone = z
  .string()
  .trim()
  .max(30)
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || v.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "").length === 10, problem("errors.numberDigits"));

const email = (label: FieldLabelKey = "fieldLabels.anEmailAddress") =>
  z
    .string({ error: problem("errors.enter", { label }) })
    .trim()
    .min(1, problem("errors.enter", { label }))
    .max(254, problem("errors.emailTooLong"))
    .pipe(z.email(problem("errors.emailLike")));

const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.email(problem("errors.emailLike")).optional());

/** A calendar date typed as YYYY-MM-DD (what <input type="date"> gives). */
const isoDate = (label: FieldLabelKey) =>
  z
    .string({ error: problem("errors.enter", { label }) })
    .min(1, problem("errors.enter", { label }))
    .pipe(z.iso.date(problem("errors.realDate", { label })));

const optionalIsoDate = (label: FieldLabelKey) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date(problem("errors.realDate", { label })).optional());

const initials = z
  .string()
  .trim()
  .max(5, problem("errors.initialsLength"))
  .regex(/^[\p{L}.\s]*$/u, problem("errors.initialsLetters"))
  .optional()
  .transform((v) => (v ? v.replace(/[.\s]/g, "").toUpperCase() : undefined));

export const addressSchema = z.strictObject({
  line1: text("fieldLabels.streetAddress"),
  line2: optionalText("fieldLabels.addressLine2"),
  city: text("fieldLabels.city", 60),
  state: z.enum(US_STATES, { error: problem("errors.chooseState") }),
  postalCode: z
    .string({ error: problem("errors.enterZip") })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, problem("errors.zipDigits")),
});
export type Address = z.infer<typeof addressSchema>;

// ───────────────────────────── sections ─────────────────────────────

const releaseSchema = z.strictObject({
  /** Only THIS_GROUP passes: the other two are answered with where to go instead (RULES.md §1). */
  source: z.enum(RELEASE_SOURCES, { error: problem("errors.chooseReleaseSource") }),
});

const representativeSchema = z.strictObject({
  name: personName("fieldLabels.yourFullName"),
  phone: phone("fieldLabels.yourPhone"),
  email: optionalEmail,
  relationship: optionalText("fieldLabels.yourRelationship", 80),
  authority: z.enum(REPRESENTATIVE_AUTHORITIES, { error: problem("errors.chooseAuthority") }),
  authorityDetail: optionalText("fieldLabels.authorityDescription", 500),
  /** A surviving relative of a deceased patient (735 ILCS 5/8-2001.5): how related, and the written statement. */
  relative: z
    .strictObject({
      relationship: z.enum(SURVIVING_RELATIONSHIPS, { error: problem("errors.chooseRelationship") }),
      noEstateRepresentative: z.boolean().default(false),
      noSurvivingSpouse: z.boolean().default(false),
      noObjection: z.boolean().default(false),
    })
    .optional(),
});

const requesterSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("PATIENT") }),
    z.strictObject({ kind: z.literal("REPRESENTATIVE"), representative: representativeSchema }),
  ],
  { error: problem("errors.chooseRequester") },
);

const patientSchema = z.strictObject({
  firstName: personName("fieldLabels.patientFirstName"),
  middleName: optionalText("fieldLabels.middleName", 80),
  lastName: personName("fieldLabels.patientLastName"),
  otherNames: optionalText("fieldLabels.otherNames", 200),
  dateOfBirth: isoDate("fieldLabels.patientDateOfBirth"),
  phone: phone("fieldLabels.patientPhone"),
  email: optionalEmail,
  address: addressSchema,
  mrn: z
    .string()
    .trim()
    .max(20, "A medical record number is at most 20 characters")
    .regex(/^[A-Za-z0-9-]*$/, "A medical record number has letters and digits only")
    .optional()
    .transform((v) => (v ? v : undefined)),
  deceased: z.boolean().default(false),
  /** Emancipated by a court (16 or 17): signs as an adult, with the order as proof. */
  emancipated: z.boolean().default(false),
});

const recipientSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("SELF") }),
    z.strictObject({
      kind: z.literal("MEDICAL_PROVIDER"),
      name: text("fieldLabels.providerName", 120),
      address: addressSchema,
      phone: phone("fieldLabels.providerPhone"),
      fax: optionalPhone,
    }),
    z.strictObject({
      kind: z.literal("THIRD_PARTY"),
      name: text("fieldLabels.recipientName", 120),
      address: addressSchema,
      email: optionalEmail,
    }),
  ],
  { error: problem("errors.chooseRecipient") },
);

const informationSchema = z.strictObject({
  completeRecord: z.boolean(),
  recordTypes: z.array(z.enum(RECORD_TYPES)).max(RECORD_TYPES.length).default([]),
  recordTypesOther: optionalText("fieldLabels.otherRecordKind", 200),
  dateFrom: optionalIsoDate("fieldLabels.startDate"),
  dateTo: optionalIsoDate("fieldLabels.endDate"),
  /** Initials per specially protected category; absent = not released. */
  specialCategories: z.strictObject({
    MENTAL_HEALTH: initials,
    HIV_AIDS: initials,
    GENETIC_TESTING: initials,
    SUBSTANCE_USE_DISORDER: initials,
  }),
  /** Psychotherapy notes, only on an authorization for them alone; initialed like the others. */
  psychotherapyNotes: initials,
});

const purposeSchema = z.strictObject({
  purpose: z.enum(PURPOSES, { error: problem("errors.choosePurpose") }),
  purposeOther: optionalText("fieldLabels.purpose", 200),
});

const expirationSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("DATE"), date: isoDate("fieldLabels.expirationDate") }),
    z.strictObject({
      kind: z.literal("EVENT"),
      event: text("fieldLabels.expirationEvent", 200).refine(isRealExpirationEvent, "Name the event that ends this authorization (for example “the end of my claim”), or choose a date. “Never” is not an expiration"),
    }),
  ],
  { error: problem("errors.chooseExpiry") },
);

const deliverySchema = z.discriminatedUnion(
  "method",
  [
    z.strictObject({ method: z.literal("SECURE_EMAIL"), email: email("fieldLabels.secureLinkEmail"), emailConfirm: z.string().trim().min(1, problem("errors.emailAgain")) }),
    z.strictObject({ method: z.literal("MAIL"), address: addressSchema }),
    z.strictObject({ method: z.literal("PICKUP"), phone: phone("fieldLabels.pickupPhone"), bestTimes: optionalText("fieldLabels.bestTimes", 200) }),
  ],
  { error: problem("errors.chooseDelivery") },
);

/** A PNG data URL from the signature pad; bounded so a form post stays small. */
const drawnSignature = z
  .string()
  .max(400_000, problem("errors.signatureTooLarge"))
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, problem("errors.drawSignature"));

const signatureSchema = z.strictObject({
  typedName: personName("fieldLabels.yourLegalName"),
  method: z.enum(["DRAWN", "TYPED"], { error: problem("errors.signMethod") }),
  drawn: drawnSignature.optional(),
  /**
   * The 12–17-year-old patient's own signature, beside a parent's or guardian's, when the signing
   * rules ask for it (src/domain/signing-rules.ts): drawn, or the patient's typed name.
   */
  minor: z
    .strictObject({
      typedName: personName("fieldLabels.patientFullName"),
      method: z.enum(["DRAWN", "TYPED"], { error: problem("errors.minorSignMethod") }),
      drawn: drawnSignature.optional(),
    })
    .optional(),
  /** Mental health records: the statements of 740 ILCS 110/5 have been read. */
  acknowledgeMentalHealth: z.boolean().optional(),
  acknowledgeRevocation: z.literal(true, { error: problem("errors.ackRevocation") }),
  acknowledgeNoConditioning: z.literal(true, { error: problem("errors.ackNoConditioning") }),
  acknowledgeRedisclosure: z.literal(true, { error: problem("errors.ackRedisclosure") }),
  acknowledgeFees: z.literal(true, { error: problem("errors.ackFees") }),
});

// ───────────────────────────── the right of access (issue 17) ─────────────────────────────

/**
 * What the patient asks for from their own record: the complete record by default, with the
 * specially protected records of their own care included without separate initials.
 */
const accessInformationSchema = z.strictObject({
  completeRecord: z.boolean(),
  recordTypes: z.array(z.enum(RECORD_TYPES)).max(RECORD_TYPES.length).default([]),
  recordTypesOther: optionalText("fieldLabels.otherRecordKind", 200),
  dateFrom: optionalIsoDate("fieldLabels.startDate"),
  dateTo: optionalIsoDate("fieldLabels.endDate"),
  /** Specially protected records of the patient's own care to include (all four unless the patient leaves some out). */
  includeSpecial: z
    .array(z.enum(SPECIAL_CATEGORIES))
    .max(SPECIAL_CATEGORIES.length * 2)
    .default([])
    .transform((list) => SPECIAL_CATEGORIES.filter((c) => list.includes(c))),
  /** Outside the right of access (45 CFR 164.524(a)(1)(i)): refused by the rules, with where to go instead. */
  psychotherapyNotes: z.boolean().optional(),
});

/** Signed like the authorization (drawn or typed, the minor's own beside a parent's when required), without its statements. */
const accessSignatureSchema = z.strictObject({
  typedName: signatureSchema.shape.typedName,
  method: signatureSchema.shape.method,
  drawn: signatureSchema.shape.drawn,
  minor: signatureSchema.shape.minor,
});

const accessShape = z.strictObject({
  door: z.literal("ACCESS", { error: problem("errors.reload") }),
  requester: requesterSchema,
  patient: patientSchema,
  information: accessInformationSchema,
  format: z.enum(ACCESS_FORMATS, { error: problem("errors.chooseFormat") }),
  delivery: deliverySchema,
  signature: accessSignatureSchema,
});

/** The patient's own access request, online. No purpose, no expiry, no recipient: the records go to the patient. */
export function accessRequestSchema(today: string) {
  return accessShape.superRefine(
    (form, ctx) => {
      for (const { path, message } of crossFieldIssues(form as unknown as PartialForm, today)) ctx.addIssue({ code: "custom", path, message });
    },
    { when: () => true },
  );
}

export type AccessRequestFormInput = z.input<typeof accessShape>;
export type AccessRequestForm = z.output<typeof accessShape>;

// ───────────────────────────── paper forms ─────────────────────────────

/** When and how the paper form arrived: receipt starts the 30-day clock (RULES.md §5). */
const paperReceiptSchema = z.strictObject({
  receivedOn: isoDate("fieldLabels.dateReceived"),
  receivedVia: z.enum(PAPER_CHANNELS, { error: "Choose whether the form came by mail or by fax" }),
});

/** Signed by hand on the paper: staff key in the name and date as written there. */
const paperSignatureSchema = z.strictObject({
  method: z.literal("WET_INK", { error: problem("errors.reload") }),
  signerName: personName("fieldLabels.nameAsSigned"),
  signedOn: isoDate("fieldLabels.dateSigned"),
  /** The 12–17-year-old patient's own signature beside the parent's or guardian's: the name as signed. */
  minorName: optionalText("fieldLabels.patientNameAsSigned", 80),
});

/**
 * A printed "Request for access to my own health records" keyed in by staff (decision 0018): the
 * access door's questions, with the paper's receipt and the signature as written on it.
 */
const paperAccessShape = z.strictObject({
  door: accessShape.shape.door,
  paper: paperReceiptSchema,
  requester: requesterSchema,
  patient: patientSchema,
  information: accessInformationSchema,
  format: z.enum(ACCESS_FORMATS, { error: "Choose the form and format checked on the form" }),
  delivery: deliverySchema,
  signature: paperSignatureSchema,
});

/** A paper own-records request keyed in by staff: the access rules, `today` the day it is keyed in. */
export function paperAccessRequestSchema(today: string) {
  return paperAccessShape.superRefine(
    (form, ctx) => {
      for (const { path, message } of crossFieldIssues(form as unknown as PartialForm, today)) ctx.addIssue({ code: "custom", path, message });
    },
    { when: () => true },
  );
}

export type PaperAccessRequestFormInput = z.input<typeof paperAccessShape>;
export type PaperAccessRequestForm = z.output<typeof paperAccessShape>;

// ───────────────────────────── the whole form ─────────────────────────────

/** The sections both modes share: the same questions and the same rules. */
const sections = {
  requester: requesterSchema,
  patient: patientSchema,
  recipient: recipientSchema,
  information: informationSchema,
  purpose: purposeSchema,
  expiration: expirationSchema,
  delivery: deliverySchema,
};

const shape = z.strictObject({ release: releaseSchema, ...sections, signature: signatureSchema });

/**
 * A paper form keyed in by staff. It has no "whose records" question (the printed form names this
 * group as the one releasing) and no acknowledgement boxes (the statements are printed on the
 * form the person signed); it says when and how it arrived, and how it was signed.
 */
const paperShape = z.strictObject({ paper: paperReceiptSchema, ...sections, signature: paperSignatureSchema });

export type AuthorizationFormInput = z.input<typeof shape>;
export type PaperAuthorizationFormInput = z.input<typeof paperShape>;

type Issue = { path: (string | number)[]; message: string };
type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
/** What the cross-field rules look at: a form of either mode, possibly incomplete. */
type PartialForm = DeepPartial<Omit<AuthorizationForm, "signature">> & {
  /** "ACCESS" on the right-of-access door; absent on an authorization. */
  door?: unknown;
  format?: unknown;
  paper?: DeepPartial<PaperAuthorizationForm["paper"]>;
  signature?: DeepPartial<AuthorizationForm["signature"]> | DeepPartial<PaperAuthorizationForm["signature"]>;
};

/**
 * The whole online form: field rules plus the rules that span fields. `today` is the signing date
 * in America/Chicago (YYYY-MM-DD). The cross-field rules run even while other sections are still
 * incomplete (`when`), so a multi-step form can show them on the step they belong to.
 */
export function authorizationFormSchema(today: string) {
  return shape.superRefine(
    (form, ctx) => {
      for (const { path, message } of crossFieldIssues(form as PartialForm, today)) ctx.addIssue({ code: "custom", path, message });
    },
    { when: () => true },
  );
}

/** A paper form keyed in by staff: the same sections and rules. `today` is the day it is keyed in. */
export function paperAuthorizationFormSchema(today: string) {
  return paperShape.superRefine(
    (form, ctx) => {
      for (const { path, message } of crossFieldIssues(form as PartialForm, today)) ctx.addIssue({ code: "custom", path, message });
    },
    { when: () => true },
  );
}

/** The schema of a mode. */
export function formSchemaFor(mode: FormMode, today: string) {
  return mode === "paper"
    ? paperAuthorizationFormSchema(today)
    : mode === "access"
      ? accessRequestSchema(today)
      : mode === "paper-access"
        ? paperAccessRequestSchema(today)
        : authorizationFormSchema(today);
}

/**
 * The day the authorization was signed: today online; on paper the date written on it, once
 * entered (and not in the future). Ages that matter to the rules are ages on that day.
 */
export function signingDay(form: PartialForm, today: string): string {
  const sig = form.signature;
  const written = sig?.method === "WET_INK" ? sig.signedOn : undefined;
  return isDate(written) && written <= today ? written : today;
}

const isDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** The rules below read a form as posted: a value of the wrong type counts as missing (the shape reports it). */
const stringOrNone = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Rules that involve more than one field. Defensive: parts of the form may be missing or invalid.
 * `today` is the day the form is filled in (online, the day it is signed; paper, the day it is
 * keyed in).
 */
export function crossFieldIssues(form: PartialForm, today: string): Issue[] {
  const issues: Issue[] = [];
  if (typeof form !== "object" || form === null) return issues; // the shape's own errors say it all
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  const sig = form.signature;
  const paperSig = sig?.method === "WET_INK" ? sig : undefined;
  const signedOn = signingDay(form, today);

  // Release from (RULES.md §1).
  if (form.release?.source === "EDWARD_ELMHURST") issue(["release", "source"], EDWARD_ELMHURST_MESSAGE);
  if (form.release?.source === "TO_THIS_GROUP_FROM_ELSEWHERE") issue(["release", "source"], RECORDS_TO_THIS_GROUP_MESSAGE);

  // Patient.
  const dob = form.patient?.dateOfBirth;
  if (isDate(dob) && dob > today) issue(["patient", "dateOfBirth"], problem("errors.birthInPast"));
  else if (isDate(dob) && dob < yearsBefore(today, 130)) issue(["patient", "dateOfBirth"], problem("errors.birthYear"));

  // Representative authority (RULES.md §4).
  const requester = form.requester;
  const rep = requester?.kind === "REPRESENTATIVE" ? requester.representative : undefined;
  const repAt = ["requester", "representative"];
  if (rep?.authority === "OTHER" && !stringOrNone(rep.authorityDetail)?.trim()) issue([...repAt, "authorityDetail"], problem("errors.describeAuthority"));
  if (rep?.authority === "SURVIVING_RELATIVE" && form.patient?.deceased !== true)
    issue(["patient", "deceased"], problem("errors.relativeDeceased"));
  if (rep?.authority === "ESTATE_EXECUTOR_OR_ADMINISTRATOR" && form.patient && form.patient.deceased !== true)
    issue(["patient", "deceased"], problem("errors.executorDeceased"));

  // What to release (RULES.md §2.1, §3).
  const info = form.information;
  const access = isAccessDoor(form);
  if (info) {
    const types = list(info.recordTypes);
    const special = access ? list((info as { includeSpecial?: unknown }).includeSpecial) : SPECIAL_CATEGORIES.filter((c) => info.specialCategories?.[c]);
    if (!info.psychotherapyNotes && info.completeRecord !== true && types.length === 0 && special.length === 0)
      issue(
        ["information", "recordTypes"],
        access
          ? problem("errors.chooseOwnRecords")
          : problem("errors.chooseRecords"),
      );
    if (types.includes("OTHER") && !stringOrNone(info.recordTypesOther)?.trim()) issue(["information", "recordTypesOther"], problem("errors.describeOtherRecords"));
    if (isDate(info.dateFrom) && info.dateFrom > today) issue(["information", "dateFrom"], problem("errors.startNotFuture"));
    if (isDate(info.dateFrom) && isDate(info.dateTo) && info.dateTo < info.dateFrom)
      issue(["information", "dateTo"], problem("errors.endAfterStart"));
  }

  // Who signs what (RULES.md §3–§4): the one shared decision.
  const decision = signingDecisionOf(form, today);
  if (decision) {
    if (decision.signerRefusal) {
      const about = decision.signerRefusalAbout;
      const path =
        requester?.kind === "PATIENT"
          ? about === "EMANCIPATION"
            ? ["patient", "emancipated"]
            : ["requester", "kind"]
          : about === "RELATIONSHIP"
            ? [...repAt, "relative", "relationship"]
            : about === "ESTATE"
              ? [...repAt, "relative", "noEstateRepresentative"]
              : about === "SPOUSE"
                ? [...repAt, "relative", "noSurvivingSpouse"]
                : about === "OBJECTION"
                  ? [...repAt, "relative", "noObjection"]
                  : about === "EMANCIPATION"
                    ? ["patient", "emancipated"]
                    : [...repAt, "authority"];
      issue(path, decision.signerRefusal);
    }
    for (const r of decision.refusedCategories) issue(categoryPath(r.category, info?.completeRecord === true, access), r.reason);
    if (decision.splitOff) issue(["information", "psychotherapyNotes"], decision.splitOff.reason);
    // Initials are those of the person entitled to consent (the signer's, or the minor's own).
    const signer = signerFullName(form);
    const patientName = `${stringOrNone(form.patient?.firstName) ?? ""} ${stringOrNone(form.patient?.lastName) ?? ""}`.trim();
    for (const [category, by] of Object.entries(decision.initialsBy)) {
      const initials = category === "PSYCHOTHERAPY_NOTES" ? info?.psychotherapyNotes : info?.specialCategories?.[category as SpecialCategory];
      const whose = by === "MINOR" ? patientName : signer;
      if (typeof initials === "string" && initials && whose && !initialsMatch(initials, whose))
        issue(
          categoryPath(category as Category, false),
          by === "MINOR"
            ? `These must be the patient’s own initials (${initialsOf(whose)} for ${whose}): the patient consents to these records themself`
            : `These must be the initials of the person who signs (${initialsOf(whose)} for ${whose})`,
        );
    }
  }

  // Purpose (RULES.md §2.4).
  if (form.purpose?.purpose === "OTHER" && !stringOrNone(form.purpose.purposeOther)?.trim()) issue(["purpose", "purposeOther"], problem("errors.describePurpose"));

  // Expiration (RULES.md §2.5; §3: mental health consent needs a calendar date).
  const expiration = form.expiration;
  if (expiration?.kind === "DATE" && isDate(expiration.date)) {
    if (expiration.date <= today)
      issue(
        ["expiration", "date"],
        paperSig
          ? "This authorization has expired (or expires today), so it cannot be used. Check the date; if it is right, ask the requester for a new form"
          : problem("errors.expiryAfterToday"),
      );
    else if (expiration.date > yearsAfter(signedOn, 10))
      issue(["expiration", "date"], paperSig ? "Check the expiration date: it is more than 10 years after the form was signed" : problem("errors.expiryWithin10"));
  } else if (expiration?.kind === "EVENT" && decision?.calendarExpiry) {
    issue(["expiration", "kind"], problem("errors.calendarExpiry"));
  }

  // Access: the format decides the delivery (ACCESS_FORMAT_DELIVERY).
  if (access && typeof form.format === "string" && form.format in ACCESS_FORMAT_DELIVERY && form.delivery?.method && form.delivery.method !== ACCESS_FORMAT_DELIVERY[form.format as AccessFormat])
    issue(["format"], problem("errors.formatMismatch"));

  // Section 4. Pickup is by the patient or legal representative, so the records must be theirs to collect.
  const delivery = form.delivery;
  if (delivery?.method === "PICKUP" && form.recipient?.kind && form.recipient.kind !== "SELF")
    issue(["delivery", "method"], problem("errors.pickupSelfOnly"));
  if (delivery?.method === "SECURE_EMAIL" && typeof delivery.email === "string" && (stringOrNone(delivery.emailConfirm) ?? "").trim().toLowerCase() !== delivery.email.trim().toLowerCase())
    issue(["delivery", "emailConfirm"], problem("errors.emailsDiffer"));

  // Signature (RULES.md §2.6): signed by the requester — online drawn, or the typed name as the
  // signature; on paper by hand, keyed in as the name and date written there.
  if (sig) {
    const signer =
      requester?.kind === "PATIENT"
        ? `${stringOrNone(form.patient?.firstName) ?? ""} ${stringOrNone(form.patient?.lastName) ?? ""}`
        : requester?.kind === "REPRESENTATIVE"
          ? (stringOrNone(requester.representative?.name) ?? "")
          : "";
    if (paperSig) {
      const { signerName, signedOn: written } = paperSig;
      if (typeof signerName === "string" && signerName.trim() && signer.trim() && !namesMatch(signerName, signer))
        issue(
          ["signature", "signerName"],
          requester?.kind === "PATIENT"
            ? "The form must be signed by the patient: the name as signed must be the patient's name, as entered in the patient section"
            : "The form must be signed by the representative: the name as signed must be the representative's name, as entered in the \u201cWho is asking\u201d section",
        );
      const receivedOn = form.paper?.receivedOn;
      if (isDate(written) && written > today) issue(["signature", "signedOn"], "The date signed cannot be in the future");
      else if (isDate(written) && isDate(receivedOn) && written > receivedOn)
        issue(["signature", "signedOn"], `The form was received on ${formatIsoDate(receivedOn)}: it must have been signed on or before that day`);
    } else {
      const online = sig as DeepPartial<AuthorizationForm["signature"]>;
      if (online.method === "DRAWN" && !online.drawn) issue(["signature", "drawn"], problem("errors.drawSignature"));
      if (typeof online.typedName === "string" && online.typedName.trim() && signer.trim() && !namesMatch(online.typedName, signer))
        issue(
          ["signature", "typedName"],
          requester?.kind === "PATIENT"
            ? problem("errors.typePatientName")
            : problem("errors.typeRepresentativeName"),
        );
    }
    // The minor's own signature, beside the parent's or guardian's (signing-rules.ts).
    const patientName = `${stringOrNone(form.patient?.firstName) ?? ""} ${stringOrNone(form.patient?.lastName) ?? ""}`.trim();
    if (decision?.minorSignature) {
      if (paperSig) {
        const minorName = stringOrNone(paperSig.minorName);
        if (!minorName?.trim())
          issue(
            ["signature", "minorName"],
            "The patient was 12 to 17 when the form was signed: these records are released only with the patient’s own signature on the form. Type the name the patient signed; without it, ask the requester for a form the patient signed",
          );
        else if (patientName && !namesMatch(minorName, patientName))
          issue(["signature", "minorName"], `This must be the patient’s own signature: the name as signed must be the patient’s name (${patientName})`);
      } else {
        const online = sig as DeepPartial<AuthorizationForm["signature"]>;
        const minor = online.minor;
        if (!minor || typeof minor.typedName !== "string" || !minor.typedName.trim())
          issue(["signature", "minor", "typedName"], problem("errors.minorSignHere"));
        else if (patientName && !namesMatch(minor.typedName, patientName))
          issue(["signature", "minor", "typedName"], `The patient signs here themself: type the patient’s own full name (${patientName}), not the parent’s or guardian’s`);
        if (minor?.method === "DRAWN" && !minor.drawn) issue(["signature", "minor", "drawn"], problem("errors.minorDraw"));
      }
    }
    if (!paperSig && decision?.mentalHealthStatements && (sig as DeepPartial<AuthorizationForm["signature"]>).acknowledgeMentalHealth !== true)
      issue(["signature", "acknowledgeMentalHealth"], problem("errors.ackMentalHealth"));
  }

  // Receipt of a paper form (RULES.md §5: the deadline counts from it).
  const receivedOn = form.paper?.receivedOn;
  if (isDate(receivedOn) && receivedOn > today) issue(["paper", "receivedOn"], "The date received cannot be in the future");
  return issues;
}

export type AuthorizationForm = z.output<typeof shape>;
export type PaperAuthorizationForm = z.output<typeof paperShape>;
/** A stored authorization: submitted online, or keyed in from paper. */
export type AnyAuthorizationForm = AuthorizationForm | PaperAuthorizationForm;
/** Anything intake stores: an authorization (either mode) or an access request (online or paper). */
export type AnySubmittedForm = AnyAuthorizationForm | AccessRequestForm | PaperAccessRequestForm;

export function isPaperForm(form: AnySubmittedForm): form is PaperAuthorizationForm | PaperAccessRequestForm {
  return form.signature.method === "WET_INK";
}

/** The name the authorization is signed with. */
export function signerNameOf(form: AnySubmittedForm): string {
  return isPaperForm(form) ? form.signature.signerName : form.signature.typedName;
}

// ───────────────────────────── shared rules and texts ─────────────────────────────

export const EDWARD_ELMHURST_MESSAGE =
  "DuPage Medical Group cannot release records of Edward-Elmhurst Healthcare. Please contact Edward-Elmhurst Healthcare directly to request those records.";
export const RECORDS_TO_THIS_GROUP_MESSAGE =
  "To have records sent to DuPage Medical Group from another facility, contact that facility: they release their records. This form is only for records DuPage Medical Group holds.";

/**
 * Which uploads a form needs (checked on the server by content; RULES.md §4). Online: a photo ID,
 * and a representative's proof of authority. Paper: the scan of the signed form, which is the
 * signed original and holds whatever came with it; a photo ID or proof that came as a separate
 * sheet may be added as its own file. Staff check identity and authority at verification, before
 * any release, whichever way they came; a missing one is a deficiency, not a reason to leave a
 * received request out of the queue.
 */
export function uploadRules(form: { requester: { kind: "PATIENT" | "REPRESENTATIVE" }; patient?: { emancipated?: boolean } }, mode: FormMode = "online") {
  if (isPaperMode(mode)) return { paperFormScanRequired: true, photoIdRequired: false, authorityProofRequired: false };
  // A representative proves their authority; an emancipated minor, the emancipation (signing-rules.ts: proofs).
  return { paperFormScanRequired: false, photoIdRequired: true, authorityProofRequired: form.requester.kind === "REPRESENTATIVE" || form.patient?.emancipated === true };
}

/** The categories a form asks for, in the signing rules' terms (an access request's specially protected records come without initials). */
export function categoriesOf(info: DeepPartial<AuthorizationForm["information"]> | undefined, access = false): Category[] {
  if (!info) return [];
  const out: Category[] = [];
  if (info.completeRecord === true || list(info.recordTypes).length > 0) out.push("GENERAL");
  if (access) {
    const included = list((info as { includeSpecial?: unknown }).includeSpecial);
    for (const c of SPECIAL_CATEGORIES) if (included.includes(c)) out.push(c);
    if ((info as { psychotherapyNotes?: unknown }).psychotherapyNotes === true) out.push("PSYCHOTHERAPY_NOTES");
    return out;
  }
  for (const c of SPECIAL_CATEGORIES) if (info.specialCategories?.[c]) out.push(c);
  if (info.psychotherapyNotes) out.push("PSYCHOTHERAPY_NOTES");
  return out;
}

/** Whether a (possibly incomplete) form came through the right-of-access door. */
export function isAccessDoor(form: unknown): boolean {
  return typeof form === "object" && form !== null && (form as { door?: unknown }).door === "ACCESS";
}

/** A parsed access request (the right-of-access door), as opposed to an authorization. */
export function isAccessForm(form: AnySubmittedForm): form is AccessRequestForm | PaperAccessRequestForm {
  return "door" in form && form.door === "ACCESS";
}

/** A (possibly incomplete) form of any door, as the rules read it (defensively: see crossFieldIssues). */
type AnyPartialForm = PartialForm | DeepPartial<AccessRequestForm> | DeepPartial<PaperAccessRequestForm>;

/** The facts the signing rules need, from a (possibly incomplete) form; undefined until who signs and the age are known. */
export function signingFactsOf(anyForm: AnyPartialForm, today: string): SigningFacts | undefined {
  const form = anyForm as PartialForm;
  const dob = form.patient?.dateOfBirth;
  const requester = form.requester;
  // Until a real, past date of birth is entered, the date's own message says what to fix.
  if (!isDate(dob) || dob > today || (requester?.kind !== "PATIENT" && requester?.kind !== "REPRESENTATIVE")) return undefined;
  const rep = requester.kind === "REPRESENTATIVE" ? requester.representative : undefined;
  // A posted form may carry anything here: only a named authority is a fact to decide on.
  if (requester.kind === "REPRESENTATIVE" && typeof rep?.authority !== "string") return undefined;
  const relative = rep?.authority === "SURVIVING_RELATIVE" ? rep.relative : undefined;
  return {
    patient: {
      age: ageOn(dob, signingDay(form, today)),
      deceased: form.patient?.deceased === true,
      emancipated: form.patient?.emancipated === true,
      ...(rep?.authority === "ESTATE_EXECUTOR_OR_ADMINISTRATOR" || rep?.authority === "HEALTH_CARE_POWER_OF_ATTORNEY"
        ? { estateRepresentativeExists: true }
        : rep?.authority === "SURVIVING_RELATIVE"
          ? { estateRepresentativeExists: relative?.noEstateRepresentative === true ? false : undefined }
          : {}),
    },
    signer: requester.kind === "PATIENT" ? "PATIENT" : rep!.authority!,
    ...(relative
      ? { relative: { relationship: relative.relationship, noSurvivingSpouse: relative.noSurvivingSpouse === true, deceasedDidNotObject: relative.noObjection === true } }
      : {}),
    categories: categoriesOf(form.information, isAccessDoor(form)),
  };
}

/** The rules' answer for a form (src/domain/signing-rules.ts `decideRequest`, by its door), once the facts are known. */
export function signingDecisionOf(form: AnyPartialForm, today: string): RequestDecision | undefined {
  const facts = signingFactsOf(form, today);
  return facts ? decideRequest(isAccessDoor(form) ? "ACCESS" : "AUTHORIZATION", facts) : undefined;
}

function categoryPath(category: Category, completeRecord: boolean, access = false): string[] {
  if (category === "GENERAL") return ["information", completeRecord ? "completeRecord" : "recordTypes"];
  if (category === "PSYCHOTHERAPY_NOTES") return ["information", "psychotherapyNotes"];
  return access ? ["information", "includeSpecial"] : ["information", "specialCategories", category];
}

/** The name of whoever signs: the patient, or the representative. */
function signerFullName(form: PartialForm): string {
  const requester = form.requester;
  return requester?.kind === "PATIENT"
    ? `${stringOrNone(form.patient?.firstName) ?? ""} ${stringOrNone(form.patient?.lastName) ?? ""}`.trim()
    : requester?.kind === "REPRESENTATIVE"
      ? (stringOrNone(requester.representative?.name) ?? "").trim()
      : "";
}

function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return words.length >= 2 ? `${words[0]![0]!.toUpperCase()}${words[words.length - 1]![0]!.toUpperCase()}` : "";
}

/** A suggested expiration: one year after signing. */
export function suggestedExpiration(today: string): string {
  return yearsAfter(today, 1);
}

/** Whole years between a date of birth and a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Today's date in America/Chicago, as YYYY-MM-DD (src/domain/chicago.ts). */
export { todayInChicago };

function yearsAfter(day: string, years: number): string {
  const [y, rest] = [Number(day.slice(0, 4)), day.slice(4)];
  const candidate = `${String(y + years).padStart(4, "0")}${rest}`;
  return rest === "-02-29" ? `${String(y + years).padStart(4, "0")}-02-28` : candidate;
}

function yearsBefore(day: string, years: number): string {
  return yearsAfter(day, -years);
}

/** The typed signature must contain the signer's first and last names (case, accents and punctuation aside). */
export function namesMatch(typed: string, expected: string): boolean {
  const words = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .filter(Boolean);
  const typedWords = new Set(words(typed));
  const expectedWords = words(expected);
  if (expectedWords.length === 0) return false;
  const first = expectedWords[0]!;
  const last = expectedWords[expectedWords.length - 1]!;
  return typedWords.has(first) && typedWords.has(last);
}
