/**
 * The wizard's model: its steps in each mode, the starting values, the link between a field's
 * name and its element id, and the shaping of the values into what the schema and the server
 * receive. No React here.
 *
 * Two modes share it (src/domain/authorization-form.ts): online, where the requester fills in and
 * signs the form, and paper, where staff key in a signed paper form — the same sections, with a
 * first step for the scan and its receipt, and the signature as written on the paper.
 */
import type { DefaultValues, FieldPath } from "react-hook-form";
import {
  ageOn,
  type AuthorizationFormInput,
  type FormMode,
  isAccessMode,
  isPaperMode,
  type PaperAuthorizationFormInput,
  signingDay,
  signingDecisionOf,
  SPECIAL_CATEGORIES,
  suggestedExpiration,
  ACCESS_FORMAT_DELIVERY,
  type AccessFormat,
  type SpecialCategory,
} from "@/domain/authorization-form";

/**
 * What the form holds: every field of both modes (each mode's submission picks its own, see
 * toSubmission) — as it holds the fields of every branch of each choice.
 */
export type FormValues = AuthorizationFormInput & {
  /** The right-of-access door (mode "access"): "ACCESS"; absent on an authorization. */
  door?: "ACCESS";
  /** Access only: the form and format chosen (it implies the delivery method). */
  format?: AccessFormat;
  information: AuthorizationFormInput["information"] & { includeSpecial?: SpecialCategory[] };
  paper?: Partial<PaperAuthorizationFormInput["paper"]>;
  signature: Omit<AuthorizationFormInput["signature"], "method"> & {
    method: AuthorizationFormInput["signature"]["method"] | "WET_INK";
    signerName?: string;
    signedOn?: string;
    /** Paper: the minor's name as signed on the form. */
    minorName?: string;
  };
};
/** A react-hook-form field name ("patient.address.postalCode"). */
export type Name = FieldPath<FormValues>;
/** Error keys of the files, which live beside the form values (src/domain/submission.ts). */
export const UPLOAD_ERROR_NAMES = { paperFormScan: "uploads.paperFormScan", photoId: "uploads.photoId", authorityProof: "uploads.authorityProof" } as const;

export type StepKey =
  | "paper"
  | "release"
  | "requester"
  | "patient"
  | "recipient"
  | "information"
  | "purpose"
  | "delivery"
  | "fees"
  | "accessInformation"
  | "format"
  | "signature"
  | "review";

/** `title` is a message key (messages/*.json, "form.steps"): shown through a translator. */
type Step = { key: StepKey; title: `form.steps.${string}`; fields: readonly string[] };

const SHARED_STEPS: readonly Step[] = [
  { key: "requester", title: "form.steps.whoIsAsking", fields: ["requester", "patient.emancipated", "uploads"] },
  { key: "patient", title: "form.steps.patient", fields: ["patient"] },
  { key: "recipient", title: "form.steps.recipient", fields: ["recipient"] },
  { key: "information", title: "form.steps.information", fields: ["information"] },
  { key: "purpose", title: "form.steps.purpose", fields: ["purpose", "expiration"] },
  { key: "delivery", title: "form.steps.delivery", fields: ["delivery"] },
];

/**
 * The steps of each mode, in order. `fields` are the names (or name prefixes) a step owns and
 * validates; the first step owning a name wins (so the scan is the paper step's, the other files
 * the requester step's).
 */
const STEPS_BY_MODE: Record<FormMode, readonly Step[]> = {
  online: [
    { key: "release", title: "form.steps.release", fields: ["release"] },
    ...SHARED_STEPS,
    { key: "fees", title: "form.steps.fees", fields: ["signature.acknowledgeFees"] },
    {
      key: "signature",
      title: "form.steps.signature",
      fields: [
        "signature.acknowledgeRevocation",
        "signature.acknowledgeNoConditioning",
        "signature.acknowledgeRedisclosure",
        "signature.typedName",
        "signature.method",
        "signature.drawn",
        "signature.minor",
        "signature.acknowledgeMentalHealth",
      ],
    },
    { key: "review", title: "form.steps.review", fields: [] },
  ],
  // The patient's own records (issue 17): only what access needs — who, identity, what, form and
  // delivery (with the fee and the date to expect), a signature. No purpose, no expiry, no recipient.
  access: [
    { key: "requester", title: "form.steps.whoIsAsking", fields: ["requester", "patient.emancipated", "uploads"] },
    { key: "patient", title: "form.steps.patient", fields: ["patient"] },
    { key: "accessInformation", title: "form.steps.yourRecords", fields: ["information"] },
    { key: "format", title: "form.steps.format", fields: ["format", "delivery"] },
    { key: "signature", title: "form.steps.sign", fields: ["signature.typedName", "signature.method", "signature.drawn", "signature.minor"] },
    { key: "review", title: "form.steps.review", fields: [] },
  ],
  // No "whose records" (the printed form names this group as the one releasing) and no fees step
  // (its statement is printed on the form): nothing to key in for either.
  paper: [
    { key: "paper", title: "form.steps.paperReceived", fields: [UPLOAD_ERROR_NAMES.paperFormScan, "paper"] },
    ...SHARED_STEPS,
    { key: "signature", title: "form.steps.paperSignature", fields: ["signature.signerName", "signature.signedOn", "signature.minorName"] },
    { key: "review", title: "form.steps.reviewSave", fields: [] },
  ],
  // The printed "Request for access to my own health records" (decision 0018): the access door's
  // steps, with the paper's receipt first and the signature as written on the form.
  "paper-access": [
    { key: "paper", title: "form.steps.paperReceived", fields: [UPLOAD_ERROR_NAMES.paperFormScan, "paper"] },
    { key: "requester", title: "form.steps.whoIsAsking", fields: ["requester", "patient.emancipated", "uploads"] },
    { key: "patient", title: "form.steps.patient", fields: ["patient"] },
    { key: "accessInformation", title: "form.steps.recordsAskedFor", fields: ["information"] },
    { key: "format", title: "form.steps.formAndFormat", fields: ["format", "delivery"] },
    { key: "signature", title: "form.steps.paperSignature", fields: ["signature.signerName", "signature.signedOn", "signature.minorName"] },
    { key: "review", title: "form.steps.reviewSave", fields: [] },
  ],
};

export type WizardSteps = {
  mode: FormMode;
  list: readonly Step[];
  /** The review step's index (the last). */
  review: number;
  index(key: StepKey): number;
  /** The step that shows a field (by its name or a prefix of it); -1 when none does. */
  ofField(name: string): number;
  /**
   * The form-value names the given steps validate with `trigger` (files are checked separately).
   * Leaf names, not section prefixes: react-hook-form keeps a prefix's errors only for sections
   * whose fields have been on screen, and a restored draft may never have shown them.
   */
  triggerNames(steps: number[]): Name[];
};

const stepsCache = new Map<FormMode, WizardSteps>();

/** The steps of a mode, and how fields map to them. */
export function wizardSteps(mode: FormMode): WizardSteps {
  const cached = stepsCache.get(mode);
  if (cached) return cached;
  const list = STEPS_BY_MODE[mode];
  const ofField = (name: string) => {
    const own = list.findIndex((s) => s.fields.some((field) => name === field || name.startsWith(`${field}.`)));
    // A whole section ("signature") belongs to the last step that shows part of it.
    return own >= 0 ? own : list.findLastIndex((s) => s.fields.some((field) => field.startsWith(`${name}.`)));
  };
  const steps: WizardSteps = {
    mode,
    list,
    review: list.length - 1,
    index: (key) => list.findIndex((s) => s.key === key),
    ofField,
    triggerNames: (indexes) => FIELD_ORDER.filter((name) => !name.startsWith("uploads.") && indexes.includes(ofField(name))) as Name[],
  };
  stepsCache.set(mode, steps);
  return steps;
}

/** The element id of a field: `patient.address.postalCode` → `patient-address-postalCode`. */
export function fieldId(name: string): string {
  return name.replace(/\./g, "-");
}

const emptyAddress = () => ({ line1: "", line2: "", city: "", state: "", postalCode: "" });

/**
 * Every field the wizard shows, in either mode, empty, in the order the pages show them, so each
 * control starts controlled and each object exists (the schema then reports the missing leaf, not
 * a missing object). Choices start unanswered, except the expiration, which is prefilled with a
 * suggested date (one year), and a paper form's date of receipt (today).
 */
export function initialValues(today: string, mode: FormMode = "online"): DefaultValues<FormValues> {
  const access = isAccessMode(mode);
  const values = {
    ...(access ? { door: "ACCESS", format: undefined } : {}),
    // A paper form most often arrives the day it is keyed in.
    paper: { receivedOn: today, receivedVia: undefined },
    release: { source: undefined },
    requester: {
      kind: undefined,
      representative: {
        name: "",
        phone: "",
        email: "",
        relationship: "",
        authority: undefined,
        authorityDetail: "",
        relative: { relationship: undefined, noEstateRepresentative: false, noSurvivingSpouse: false, noObjection: false },
      },
    },
    patient: {
      firstName: "",
      middleName: "",
      lastName: "",
      otherNames: "",
      dateOfBirth: "",
      phone: "",
      email: "",
      address: emptyAddress(),
      mrn: "",
      deceased: false,
      emancipated: false,
    },
    recipient: { kind: undefined, name: "", address: emptyAddress(), phone: "", fax: "", email: "" },
    information: {
      // Access: the complete record by default (issue 17).
      completeRecord: access,
      recordTypes: [],
      recordTypesOther: "",
      dateFrom: "",
      dateTo: "",
      specialCategories: Object.fromEntries(SPECIAL_CATEGORIES.map((c) => [c, ""])),
      psychotherapyNotes: "",
      // Access: the specially protected records of the patient's own care, all included unless left out.
      ...(access ? { includeSpecial: [...SPECIAL_CATEGORIES] } : {}),
    },
    purpose: { purpose: undefined, purposeOther: "" },
    expiration: { kind: "DATE", date: suggestedExpiration(today), event: "" },
    delivery: { method: undefined, email: "", emailConfirm: "", address: emptyAddress(), phone: "", bestTimes: "" },
    // In the order the signature step shows them (FIELD_ORDER follows this object).
    signature: {
      acknowledgeFees: false,
      acknowledgeRevocation: false,
      acknowledgeNoConditioning: false,
      acknowledgeRedisclosure: false,
      acknowledgeMentalHealth: false,
      typedName: "",
      method: isPaperMode(mode) ? "WET_INK" : "DRAWN",
      drawn: undefined,
      signerName: "",
      signedOn: "",
      minorName: "",
      minor: { typedName: "", method: "TYPED", drawn: undefined },
    },
  };
  // The form keeps the fields of every branch of each choice (so switching back keeps answers);
  // that shape is wider than the schema's input type, which has one branch at a time.
  return values as unknown as DefaultValues<FormValues>;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {});
const pick = (o: Loose, keys: string[]): Loose => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** The patient's age on the signing day (today, or the date on a paper form), when a real date of birth has been entered. */
export function patientAge(values: unknown, today: string): number | undefined {
  const dob = obj(obj(values).patient).dateOfBirth;
  return typeof dob === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dob) ? ageOn(dob, signingDay(values as Parameters<typeof signingDay>[0], today)) : undefined;
}

/** The signing rules' answer for the answers so far (src/domain/signing-rules.ts), once who signs and the age are known. */
export function signingDecision(values: unknown, today: string) {
  return signingDecisionOf(values as Parameters<typeof signingDecisionOf>[0], today);
}

/**
 * The answers as the schema and the server action expect them: only the branch chosen for each
 * choice, and nothing from fields the wizard hides. (The form keeps hidden answers so that
 * switching back restores them; the schema's strict objects refuse them.)
 */
export function toSubmission(values: unknown, today: string, mode: FormMode): FormValues {
  const v = obj(values);

  const requester = obj(v.requester);
  const representative = obj(requester.representative);
  const submittedRequester =
    requester.kind === "REPRESENTATIVE"
      ? {
          kind: requester.kind,
          representative: {
            ...pick(representative, ["name", "phone", "email", "relationship", "authority"]),
            ...(representative.authority === "OTHER" ? pick(representative, ["authorityDetail"]) : {}),
            ...(representative.authority === "SURVIVING_RELATIVE" ? { relative: pick(obj(representative.relative), ["relationship", "noEstateRepresentative", "noSurvivingSpouse", "noObjection"]) } : {}),
          },
        }
      : pick(requester, ["kind"]);

  const patient = obj(v.patient);
  // Deceased only for a representative; emancipated only for a patient under 18 signing for themself.
  const age = patientAge(values, today);
  const submittedPatient = {
    ...patient,
    deceased: requester.kind === "REPRESENTATIVE" && patient.deceased === true,
    emancipated: requester.kind === "PATIENT" && age !== undefined && age < 18 && patient.emancipated === true,
  };

  const recipient = obj(v.recipient);
  const recipientKeys: Record<string, string[]> = {
    SELF: ["kind"],
    MEDICAL_PROVIDER: ["kind", "name", "address", "phone", "fax"],
    THIRD_PARTY: ["kind", "name", "address", "email"],
  };

  const information = obj(v.information);
  const completeRecord = information.completeRecord === true;
  const recordTypes = completeRecord || !Array.isArray(information.recordTypes) ? [] : information.recordTypes;
  const submittedInformation = {
    ...pick(information, ["dateFrom", "dateTo", "specialCategories", "psychotherapyNotes"]),
    completeRecord,
    recordTypes,
    ...(recordTypes.includes("OTHER") ? pick(information, ["recordTypesOther"]) : {}),
  };

  const purpose = obj(v.purpose);
  const expiration = obj(v.expiration);
  const expirationKeys: Record<string, string[]> = { DATE: ["kind", "date"], EVENT: ["kind", "event"] };

  const delivery = obj(v.delivery);
  const deliveryKeys: Record<string, string[]> = {
    SECURE_EMAIL: ["method", "email", "emailConfirm"],
    MAIL: ["method", "address"],
    PICKUP: ["method", "phone", "bestTimes"],
  };

  const signature = obj(v.signature);
  if (isAccessMode(mode)) {
    const format = typeof v.format === "string" && v.format in ACCESS_FORMAT_DELIVERY ? (v.format as AccessFormat) : undefined;
    const method = format ? ACCESS_FORMAT_DELIVERY[format] : undefined;
    const includeSpecial = Array.isArray(information.includeSpecial) ? information.includeSpecial : [];
    const accessInformation = { ...pick(information, ["dateFrom", "dateTo"]), completeRecord, recordTypes, ...(recordTypes.includes("OTHER") ? pick(information, ["recordTypesOther"]) : {}), includeSpecial };
    const accessValues = { door: "ACCESS", requester: submittedRequester, patient: submittedPatient, information: accessInformation, format };
    const accessDecision = signingDecision(accessValues, today);
    const minor = obj(signature.minor);
    const accessDelivery = method ? { ...pick(delivery, deliveryKeys[method] ?? []), method } : {};
    if (mode === "paper-access") {
      const signedOnPaper = { ...pick(signature, ["signerName", "signedOn", ...(accessDecision?.minorSignature ? ["minorName"] : [])]), method: "WET_INK" };
      return { ...accessValues, paper: pick(obj(v.paper), ["receivedOn", "receivedVia"]), delivery: accessDelivery, signature: signedOnPaper } as unknown as FormValues;
    }
    return {
      ...accessValues,
      delivery: accessDelivery,
      signature: {
        ...pick(signature, ["typedName", "method", ...(signature.method === "DRAWN" && signature.drawn ? ["drawn"] : [])]),
        ...(accessDecision?.minorSignature ? { minor: pick(minor, ["typedName", "method", ...(minor.method === "DRAWN" && minor.drawn ? ["drawn"] : [])]) } : {}),
      },
    } as unknown as FormValues;
  }
  const decision = signingDecision({ ...v, patient: submittedPatient, requester: submittedRequester }, today);
  const minorName = decision?.minorSignature ? ["minorName"] : [];
  const shared = {
    requester: submittedRequester,
    patient: submittedPatient,
    recipient: pick(recipient, recipientKeys[String(recipient.kind)] ?? ["kind"]),
    information: submittedInformation,
    purpose: pick(purpose, purpose.purpose === "OTHER" ? ["purpose", "purposeOther"] : ["purpose"]),
    expiration: pick(expiration, expirationKeys[String(expiration.kind)] ?? ["kind"]),
    delivery: pick(delivery, deliveryKeys[String(delivery.method)] ?? ["method"]),
  };
  if (mode === "paper") {
    return {
      paper: pick(obj(v.paper), ["receivedOn", "receivedVia"]),
      ...shared,
      signature: { ...pick(signature, ["signerName", "signedOn", ...minorName]), method: "WET_INK" },
    } as unknown as FormValues;
  }

  const signatureKeys = [
    "typedName",
    "method",
    "acknowledgeRevocation",
    "acknowledgeNoConditioning",
    "acknowledgeRedisclosure",
    "acknowledgeFees",
    ...(signature.method === "DRAWN" && signature.drawn ? ["drawn"] : []),
    ...(decision?.mentalHealthStatements ? ["acknowledgeMentalHealth"] : []),
  ];
  const minor = obj(signature.minor);
  const submittedMinor = decision?.minorSignature
    ? { minor: pick(minor, ["typedName", "method", ...(minor.method === "DRAWN" && minor.drawn ? ["drawn"] : [])]) }
    : {};

  return { release: pick(obj(v.release), ["source"]), ...shared, signature: { ...pick(signature, signatureKeys), ...submittedMinor } } as unknown as FormValues;
}

/** Error messages in a react-hook-form errors tree, as (name, message) pairs. */
export function flattenErrors(tree: unknown, prefix = ""): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  const node = obj(tree);
  if (prefix && typeof node.message === "string" && node.message && "type" in node) out.push({ name: prefix, message: node.message });
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "type" || key === "message" || key === "types" || key === "root") continue;
    if (child && typeof child === "object") out.push(...flattenErrors(child, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/**
 * Every field name in page order (the starting values list them so), the scan first (the paper
 * step shows it first), the other files after the requester's.
 */
const FIELD_ORDER: string[] = (() => {
  const leaves = (node: unknown, prefix: string): string[] =>
    node && typeof node === "object" && !Array.isArray(node)
      ? Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];
  const names = leaves(initialValues("2000-01-01"), "");
  // The access door's own fields (mode "access"), where its steps show them.
  names.splice(names.findLastIndex((n) => n.startsWith("information.")) + 1, 0, "information.includeSpecial");
  names.splice(names.findIndex((n) => n.startsWith("delivery.")), 0, "format");
  const afterRequester = names.findLastIndex((n) => n.startsWith("requester."));
  names.splice(afterRequester + 1, 0, UPLOAD_ERROR_NAMES.photoId, UPLOAD_ERROR_NAMES.authorityProof);
  return [UPLOAD_ERROR_NAMES.paperFormScan, ...names];
})();

/** Whether a name is one of the form's own fields (a leaf), not a section. */
export function isFieldName(name: string): boolean {
  return FIELD_ORDER.includes(name);
}

/** Sorts error entries as their fields appear in the wizard; unknown names go last. */
export function inFieldOrder<T extends { name: string }>(items: T[]): T[] {
  const rank = (name: string) => {
    const i = FIELD_ORDER.findIndex((n) => n === name || n.startsWith(`${name}.`));
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return [...items].sort((a, b) => rank(a.name) - rank(b.name));
}
