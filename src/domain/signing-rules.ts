/**
 * Who may sign what: the ONE decision the online form, the paper key-in and staff verification
 * share (RULES.md §2–§4, "Who signs what"). Pure: no I/O. Given the patient (age on the signing
 * day, alive or deceased, emancipated), who signs and with what authority, and the categories
 * asked for, it says whether that person may sign, which categories must be refused or split off,
 * which proofs, extra signatures (the minor's own, a witness) and statements are required — each
 * with its reason in plain words, for the form and for staff.
 *
 * Legal readings and their citations: docs/decisions/0010-who-signs-what.md.
 * Issue 12's release checks ask the same function whether the signer is still entitled
 * (`signerEntitled`), with the patient's facts as they are on the day of release.
 */

/** The patient, or a personal representative's authority (the form's choices). */
export const SIGNER_KINDS = [
  "PATIENT",
  "PARENT_OF_MINOR",
  "COURT_APPOINTED_GUARDIAN",
  "HEALTH_CARE_POWER_OF_ATTORNEY",
  "ESTATE_EXECUTOR_OR_ADMINISTRATOR",
  "SURVIVING_RELATIVE",
  "OTHER",
] as const;
export type SignerKind = (typeof SIGNER_KINDS)[number];

/** What an authorization may ask for: general records, each special category, psychotherapy notes. */
export const CATEGORIES = ["GENERAL", "MENTAL_HEALTH", "HIV_AIDS", "GENETIC_TESTING", "SUBSTANCE_USE_DISORDER", "PSYCHOTHERAPY_NOTES"] as const;
export type Category = (typeof CATEGORIES)[number];

/** The surviving relatives 735 ILCS 5/8-2001.5(a) names, in its order (a spouse first; else any of the others). */
export const SURVIVING_RELATIONSHIPS = ["SPOUSE", "ADULT_CHILD", "PARENT", "ADULT_SIBLING"] as const;
export type SurvivingRelationship = (typeof SURVIVING_RELATIONSHIPS)[number];

export const PROOFS = [
  "PHOTO_ID",
  "BIRTH_CERTIFICATE_OR_GUARDIANSHIP",
  "GUARDIANSHIP_ORDER",
  "HEALTH_CARE_POWER_OF_ATTORNEY",
  "LETTERS_OF_OFFICE",
  "DEATH_CERTIFICATE",
  "EMANCIPATION_ORDER",
  "OTHER_AUTHORITY_DOCUMENT",
] as const;
export type Proof = (typeof PROOFS)[number];

export type SigningFacts = {
  patient: {
    /** Whole years on the signing day (or, for issue 12, on the day of release). */
    age: number;
    deceased: boolean;
    /** Emancipated by a court (750 ILCS 30): a minor of 16 or 17 who then acts as an adult. */
    emancipated: boolean;
    /**
     * Deceased only: whether an executor or administrator (or a health care agent whose power
     * continues after death) exists. `undefined` when unknown: an executor's or agent's own request.
     */
    estateRepresentativeExists?: boolean;
  };
  signer: SignerKind;
  /** A surviving relative's relationship, and whether a spouse survives (for the others). */
  relative?: { relationship?: SurvivingRelationship; noSurvivingSpouse?: boolean; deceasedDidNotObject?: boolean };
  categories: readonly Category[];
};

export type CategoryRefusal = { category: Category; reason: string };

export type SigningDecision = {
  /** True when this person may sign this authorization as asked: nothing refused, nothing to split off. */
  ok: boolean;
  /** This person may not sign for this patient at all (with who can). */
  signerRefusal?: string;
  /** What the refusal is about, so a form can show it at the right question. */
  signerRefusalAbout?: "AUTHORITY" | "RELATIONSHIP" | "ESTATE" | "SPOUSE" | "OBJECTION" | "EMANCIPATION";
  /** Categories this signer may not release; the reason says who can. */
  refusedCategories: CategoryRefusal[];
  /** Psychotherapy notes asked with anything else: they need an authorization of their own. */
  splitOff?: CategoryRefusal;
  /** Who signs, in plain words. */
  whoSigns: string;
  /** The proofs staff check before release (a photo ID of whoever signs, always). */
  proofs: Proof[];
  /** The minor's own signature is required beside the signer's (with the categories it covers). */
  minorSignature?: { reason: string; categories: Category[] };
  /** Staff record that the minor was informed and did not object (740 ILCS 110/4). */
  minorInformedNoObjection?: { reason: string };
  /** A witness who can attest to the signer's identity (740 ILCS 110/5). */
  witness?: { reason: string };
  /** The statements 740 ILCS 110/5 adds (right to inspect and copy, refusing, calendar expiry). */
  mentalHealthStatements: boolean;
  /** The authorization needs a calendar expiry date (not an event). */
  calendarExpiry: boolean;
  /** The surviving relative's written certification (735 ILCS 5/8-2001.5). */
  relativeStatement: boolean;
  /** Whose initials each requested special category needs: the signer's or the minor's own. */
  initialsBy: Partial<Record<Exclude<Category, "GENERAL">, "SIGNER" | "MINOR">>;
};

const MENTAL: readonly Category[] = ["MENTAL_HEALTH", "PSYCHOTHERAPY_NOTES"];
/** Care a 12–17-year-old consents to themself (410 ILCS 210/4; 42 CFR 2.14). */
const MINOR_CONSENTED: readonly Category[] = ["HIV_AIDS", "SUBSTANCE_USE_DISORDER"];

const isMinor = (p: SigningFacts["patient"]) => p.age < 18 && !(p.emancipated && p.age >= 16);

/** The decision (see the module comment). Total: any facts give an answer, never an exception. */
export function decideSigning(facts: SigningFacts): SigningDecision {
  const { patient, signer } = facts;
  const categories = [...new Set(facts.categories)];
  const refusedCategories: CategoryRefusal[] = [];
  const proofs = new Set<Proof>(["PHOTO_ID"]);
  let signerRefusal: string | undefined;
  let signerRefusalAbout: SigningDecision["signerRefusalAbout"] = "AUTHORITY";
  let minorSignature: SigningDecision["minorSignature"];
  let minorInformedNoObjection: SigningDecision["minorInformedNoObjection"];
  let whoSigns: string;
  let relativeStatement = false;
  const initialsBy: SigningDecision["initialsBy"] = {};
  for (const c of categories) if (c !== "GENERAL") initialsBy[c] = "SIGNER";

  const refuse = (category: Category, reason: string) => refusedCategories.push({ category, reason });
  const mentalAsked = categories.some((c) => MENTAL.includes(c));

  if (patient.deceased) {
    whoSigns = "The executor or administrator of the estate, the patient's health care agent, or — when none exists — a surviving relative named by Illinois law";
    proofs.add("DEATH_CERTIFICATE");
    switch (signer) {
      case "ESTATE_EXECUTOR_OR_ADMINISTRATOR":
        proofs.add("LETTERS_OF_OFFICE");
        break;
      case "HEALTH_CARE_POWER_OF_ATTORNEY":
        // 735 ILCS 5/8-2001.5(a); 755 ILCS 45/4-3: an agent's power to see records continues after death.
        proofs.add("HEALTH_CARE_POWER_OF_ATTORNEY");
        break;
      case "SURVIVING_RELATIVE": {
        relativeStatement = true;
        const rel = facts.relative;
        if (patient.estateRepresentativeExists !== false) {
          signerRefusalAbout = "ESTATE";
          signerRefusal =
            "A surviving relative may ask only when no executor, administrator or health care agent exists (Illinois law, 735 ILCS 5/8-2001.5). Confirm none exists, or the one who exists signs.";
        } else if (!rel?.relationship) {
          signerRefusalAbout = "RELATIONSHIP";
          signerRefusal = "Say how you are related to the patient: spouse, adult son or daughter, parent, or adult brother or sister.";
        } else if (rel.relationship !== "SPOUSE" && rel.noSurvivingSpouse !== true) {
          signerRefusalAbout = "SPOUSE";
          signerRefusal =
            "When the patient's spouse survives, the spouse asks (Illinois law, 735 ILCS 5/8-2001.5). An adult child, parent or adult sibling may ask only when there is no surviving spouse.";
        } else if (rel.deceasedDidNotObject !== true) {
          signerRefusalAbout = "OBJECTION";
          signerRefusal = "A relative may receive the records only if the patient did not object to it in writing (Illinois law, 735 ILCS 5/8-2001.5).";
        }
        break;
      }
      case "PATIENT":
        signerRefusal = "The patient has died: the executor or administrator of the estate, the health care agent, or a surviving relative signs.";
        break;
      case "PARENT_OF_MINOR":
      case "COURT_APPOINTED_GUARDIAN":
        signerRefusal =
          "A parent's or guardian's authority ends when the patient dies. The executor or administrator of the estate signs; when none has been appointed, a surviving relative (a parent is one) signs the relative's statement instead.";
        break;
      case "OTHER":
        signerRefusal =
          "For a patient who has died, the executor or administrator of the estate, the health care agent, or a surviving relative signs. Choose the one that describes you.";
        break;
    }
  } else if (patient.age < 12) {
    whoSigns = "A parent or legal guardian: a child under 12 never signs";
    switch (signer) {
      case "PARENT_OF_MINOR":
        proofs.add("BIRTH_CERTIFICATE_OR_GUARDIANSHIP");
        break;
      case "COURT_APPOINTED_GUARDIAN":
        proofs.add("GUARDIANSHIP_ORDER");
        break;
      case "OTHER":
        proofs.add("OTHER_AUTHORITY_DOCUMENT");
        break;
      case "PATIENT":
        signerRefusal = "A child under 12 cannot sign an authorization. A parent or legal guardian signs for the child.";
        break;
      default:
        signerRefusal = aliveRefusal(signer, "A parent or legal guardian signs for a child under 12.");
    }
  } else if (isMinor(patient)) {
    // 12–17 and not emancipated.
    whoSigns =
      "A parent or legal guardian for general records; the patient themself for mental health, HIV and substance use treatment records (a parent's request for those needs the patient's own signature too)";
    if (patient.emancipated) {
      signerRefusalAbout = "EMANCIPATION";
      signerRefusal = "In Illinois a court emancipates only a minor of 16 or 17 (750 ILCS 30/3-1). Check the date of birth, or answer that the patient is not emancipated.";
    } else
      switch (signer) {
        case "PATIENT":
          for (const c of categories)
            if (!MENTAL.includes(c) && !MINOR_CONSENTED.includes(c))
              refuse(
                c,
                c === "GENERAL"
                  ? "A patient under 18 who is not emancipated cannot sign for their general medical records: a parent or legal guardian signs. The patient may ask alone only for their mental health, HIV and substance use treatment records."
                  : "A patient under 18 who is not emancipated cannot sign for genetic testing records: a parent or legal guardian signs.",
              );
          break;
        case "PARENT_OF_MINOR":
        case "COURT_APPOINTED_GUARDIAN":
        case "OTHER": {
          proofs.add(signer === "PARENT_OF_MINOR" ? "BIRTH_CERTIFICATE_OR_GUARDIANSHIP" : signer === "COURT_APPOINTED_GUARDIAN" ? "GUARDIANSHIP_ORDER" : "OTHER_AUTHORITY_DOCUMENT");
          const minors = categories.filter((c) => MENTAL.includes(c) || MINOR_CONSENTED.includes(c));
          if (minors.length > 0) {
            minorSignature = {
              categories: minors,
              reason:
                "The patient is 12 to 17. Mental health records (740 ILCS 110/4–5) and records of care a minor consents to themself — HIV and substance use treatment (410 ILCS 210/4, 42 CFR 2.14) — are released to a parent or guardian only with the patient's own signature. The patient initials those kinds of records.",
            };
            for (const c of minors) initialsBy[c as Exclude<Category, "GENERAL">] = "MINOR";
          }
          if (categories.some((c) => MENTAL.includes(c)))
            minorInformedNoObjection = {
              reason: "Before release, staff confirm the patient was told about this request and did not object (740 ILCS 110/4).",
            };
          break;
        }
        default:
          signerRefusal = aliveRefusal(signer, "A parent or legal guardian signs for a patient under 18 (the patient signs for their own mental health, HIV and substance use treatment records).");
      }
  } else {
    // An adult, or an emancipated minor of 16 or 17.
    const emancipatedMinor = patient.age < 18;
    whoSigns = emancipatedMinor
      ? "The patient: an emancipated minor signs as an adult"
      : "The patient, or a personal representative with proof (a court-appointed guardian or a health care agent)";
    if (emancipatedMinor) proofs.add("EMANCIPATION_ORDER");
    switch (signer) {
      case "PATIENT":
        break;
      case "COURT_APPOINTED_GUARDIAN":
        proofs.add("GUARDIANSHIP_ORDER");
        break;
      case "HEALTH_CARE_POWER_OF_ATTORNEY":
        proofs.add("HEALTH_CARE_POWER_OF_ATTORNEY");
        break;
      case "OTHER":
        proofs.add("OTHER_AUTHORITY_DOCUMENT");
        break;
      case "PARENT_OF_MINOR":
        signerRefusal = emancipatedMinor
          ? "The patient is emancipated and signs for themself: a parent no longer acts for them."
          : "A parent acts for a patient only while the patient is under 18. An adult patient signs for themself, or a court-appointed guardian or health care agent signs with proof.";
        break;
      default:
        signerRefusal = aliveRefusal(signer, "The patient signs, or a court-appointed guardian or health care agent with proof.");
    }
  }

  // Psychotherapy notes only on an authorization for them alone (45 CFR 164.508(b)(3)(ii)).
  const splitOff: CategoryRefusal | undefined =
    categories.includes("PSYCHOTHERAPY_NOTES") && categories.length > 1
      ? {
          category: "PSYCHOTHERAPY_NOTES",
          reason: "Psychotherapy notes can only be requested on an authorization for them alone (HIPAA, 45 CFR 164.508(b)(3)(ii)). Submit a separate request for the other records.",
        }
      : undefined;

  const witness = mentalAsked
    ? {
        reason:
          "Illinois law (740 ILCS 110/5) requires a witness who can attest to the signer's identity for mental health records: a Record Connect associate checks the signer's ID and records who attested to it, and how, before those records are released.",
      }
    : undefined;

  if (signerRefusal) refusedCategories.length = 0;
  return {
    ok: !signerRefusal && refusedCategories.length === 0 && !splitOff,
    ...(signerRefusal ? { signerRefusal, signerRefusalAbout } : {}),
    refusedCategories,
    ...(splitOff ? { splitOff } : {}),
    whoSigns,
    proofs: PROOFS.filter((p) => proofs.has(p)),
    ...(minorSignature && !signerRefusal ? { minorSignature } : {}),
    ...(minorInformedNoObjection && !signerRefusal ? { minorInformedNoObjection } : {}),
    ...(witness ? { witness } : {}),
    mentalHealthStatements: mentalAsked,
    calendarExpiry: mentalAsked,
    relativeStatement,
    initialsBy,
  };
}

/** Which door a request came through (issue 17): the patient's own access, or an authorization to send records elsewhere. */
export const REQUEST_DOORS = ["ACCESS", "AUTHORIZATION"] as const;
export type RequestDoor = (typeof REQUEST_DOORS)[number];

/** What one request needs, by its door: the signing decision plus what the door itself asks. */
export type RequestDecision = SigningDecision & {
  door: RequestDoor;
  /** An authorization states its purpose (164.508(c)(1)(iv)); an access request never does. */
  purposeRequired: boolean;
  /** An authorization has an expiry date or event (164.508(c)(1)(v)); an access request never does. */
  expiryRequired: boolean;
  /** Each specially protected category is initialed separately (an authorization); the patient's own access includes them without. */
  separateInitialsRequired: boolean;
};

export const PSYCHOTHERAPY_NOTES_NOT_ACCESS =
  "Psychotherapy notes (a therapist's own notes, kept apart from your record) are not part of the right of access (HIPAA, 45 CFR 164.524(a)(1)(i)). Everything else in your record, including mental health treatment records, is. To ask for psychotherapy notes, ask the therapist, or use “Send records to someone else” for an authorization for them alone.";

/**
 * The right-of-access door (45 CFR 164.524; docs/decisions/0018-right-of-access.md): the patient,
 * or their personal representative, asking for the patient's own records. Who may ask is the same
 * as who may sign (the representative rules of 164.502(g) and Illinois law do not change with the
 * door), but access is not an authorization: no purpose, no expiry, no separate initials for the
 * patient's own specially protected records, and no 740 ILCS 110/5 consent statements or witness
 * (access to one's own mental health record is 740 ILCS 110/4, not a consent to disclose). What
 * the law still requires stays: psychotherapy notes are outside the right of access
 * (164.524(a)(1)(i)); a 12–17-year-old's mental health records reach a parent only with the
 * minor informed and not objecting, and the minor's own signature (740 ILCS 110/4), as do records
 * of care the minor consented to themself (45 CFR 164.502(g)(3)(i)).
 */
export function decideAccess(facts: SigningFacts): RequestDecision {
  const asksNotes = facts.categories.includes("PSYCHOTHERAPY_NOTES");
  const base = decideSigning({ ...facts, categories: facts.categories.filter((c) => c !== "PSYCHOTHERAPY_NOTES") });
  const refusedCategories = [...base.refusedCategories, ...(asksNotes ? [{ category: "PSYCHOTHERAPY_NOTES" as const, reason: PSYCHOTHERAPY_NOTES_NOT_ACCESS }] : [])];
  // No split-off (notes are refused, not split) and no 740 ILCS 110/5 witness (access is 110/4).
  const rest: Partial<SigningDecision> = { ...base };
  delete rest.splitOff;
  delete rest.witness;
  delete rest.minorSignature;
  const minorSignature = base.minorSignature;
  return {
    ...(rest as SigningDecision),
    ok: !base.signerRefusal && refusedCategories.length === 0,
    refusedCategories,
    ...(minorSignature
      ? {
          minorSignature: {
            categories: minorSignature.categories,
            reason:
              "The patient is 12 to 17. Their mental health records (740 ILCS 110/4) and records of care they consented to themself — HIV and substance use treatment (410 ILCS 210/4, 42 CFR 2.14) — go to a parent or guardian only with the patient's own signature on this request.",
          },
        }
      : {}),
    mentalHealthStatements: false,
    calendarExpiry: false,
    initialsBy: {},
    door: "ACCESS",
    purposeRequired: false,
    expiryRequired: false,
    separateInitialsRequired: false,
  };
}

/** The one decision for a request of either door: what it needs and who may sign it. */
export function decideRequest(door: RequestDoor, facts: SigningFacts): RequestDecision {
  return door === "ACCESS"
    ? decideAccess(facts)
    : { ...decideSigning(facts), door: "AUTHORIZATION", purposeRequired: true, expiryRequired: true, separateInitialsRequired: true };
}

function aliveRefusal(signer: SignerKind, who: string): string {
  switch (signer) {
    case "ESTATE_EXECUTOR_OR_ADMINISTRATOR":
      return `An executor or administrator acts only for a patient who has died. ${who}`;
    case "SURVIVING_RELATIVE":
      return `A surviving relative acts only for a patient who has died. ${who}`;
    case "HEALTH_CARE_POWER_OF_ATTORNEY":
      return `A health care power of attorney is made by an adult for themself. ${who}`;
    default:
      return who;
  }
}

/**
 * Whether the signer is (still) entitled to release what the authorization asks for — the check
 * issue 12's release validity makes again on the day of release (e.g. a parent's authority ends
 * when the patient turns 18 or dies). Refusals come back in plain words.
 */
export function signerEntitled(facts: SigningFacts, door: RequestDoor = "AUTHORIZATION"): { ok: true } | { ok: false; reasons: string[] } {
  const d = decideRequest(door, facts);
  const reasons = [...(d.signerRefusal ? [d.signerRefusal] : []), ...d.refusedCategories.map((r) => r.reason), ...(d.splitOff ? [d.splitOff.reason] : [])];
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

/** Plain words for each proof (form hints, staff checklist). */
export const proofLabels: Record<Proof, string> = {
  PHOTO_ID: "a government-issued photo ID of the person who signs",
  BIRTH_CERTIFICATE_OR_GUARDIANSHIP: "the child's birth certificate or adoption decree naming the parent",
  GUARDIANSHIP_ORDER: "the court's guardianship order",
  HEALTH_CARE_POWER_OF_ATTORNEY: "the signed power of attorney for health care",
  LETTERS_OF_OFFICE: "letters of office from the court (executor or administrator)",
  DEATH_CERTIFICATE: "the death certificate",
  EMANCIPATION_ORDER: "the court's emancipation order",
  OTHER_AUTHORITY_DOCUMENT: "the document that gives the legal authority",
};

/**
 * Initials belong to the person they stand for: their first letter is the first letter of the
 * person's first name, their last letter that of the last name (middle initials allowed between).
 */
export function initialsMatch(initials: string, name: string): boolean {
  const letters = initials
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^A-Z']+/)
    .map((w) => w.replace(/'/g, ""))
    .filter(Boolean);
  if (letters.length < 2 || words.length < 2) return false;
  return letters[0] === words[0]![0] && letters[letters.length - 1] === words[words.length - 1]![0];
}

/** A stored request, as far as the signing rules look at it (the database row's columns). */
export type StoredSigningRecord = {
  patientDateOfBirth: Date;
  patientDeceased: boolean;
  patientEmancipated: boolean;
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  representativeAuthority: Exclude<SignerKind, "PATIENT"> | null;
  relativeRelationship: SurvivingRelationship | null;
  relativeNoSurvivingSpouse: boolean | null;
  completeRecord: boolean;
  recordTypes: readonly string[];
  specialConsents: readonly { category: Exclude<Category, "GENERAL"> }[];
  /** An access request's specially protected records of the patient's own care (no initials: issue 17). */
  accessCategories?: readonly Exclude<Category, "GENERAL">[];
  /** The door it came through (absent: an authorization, as every request was before issue 17). */
  requestKind?: RequestDoor;
};

/** The decision for a stored request, by its door, on a given day (see factsOfStoredRequest). */
export function decideStoredRequest(r: StoredSigningRecord, day: string): RequestDecision {
  return decideRequest(r.requestKind ?? "AUTHORIZATION", factsOfStoredRequest(r, day));
}

/**
 * The facts of a stored request on a given day (YYYY-MM-DD in Chicago): the signing day at
 * verification, the day of release for issue 12's "still entitled" check. A surviving relative's
 * stored statement certifies that no executor, administrator or agent exists and that the
 * patient did not object (the form refuses it otherwise).
 */
export function factsOfStoredRequest(r: StoredSigningRecord, day: string): SigningFacts {
  const dob = r.patientDateOfBirth.toISOString().slice(0, 10);
  const [by, bm, bd] = dob.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  const signer: SignerKind = r.requesterKind === "PATIENT" ? "PATIENT" : (r.representativeAuthority ?? "OTHER");
  return {
    patient: {
      age,
      deceased: r.patientDeceased,
      emancipated: r.patientEmancipated,
      ...(signer === "SURVIVING_RELATIVE" ? { estateRepresentativeExists: false } : signer === "ESTATE_EXECUTOR_OR_ADMINISTRATOR" ? { estateRepresentativeExists: true } : {}),
    },
    signer,
    ...(signer === "SURVIVING_RELATIVE"
      ? { relative: { relationship: r.relativeRelationship ?? undefined, noSurvivingSpouse: r.relativeNoSurvivingSpouse === true, deceasedDidNotObject: true } }
      : {}),
    categories: [
      ...(r.completeRecord || r.recordTypes.length > 0 ? (["GENERAL"] as const) : []),
      ...r.specialConsents.map((c) => c.category),
      ...(r.accessCategories ?? []),
    ],
  };
}

/** How the signer's identity was attested for mental health records (740 ILCS 110/5), as staff record it. */
export const WITNESS_METHODS = {
  PHOTO_ID_VIDEO: "Photo ID compared with the signer on a video call",
  IN_PERSON: "In person, photo ID checked",
  PHOTO_ID_PHONE: "Photo ID checked and the signer called back at a number on file",
  PAPER_WITNESS: "A witness signed the paper form (name as written there)",
  NOTARY: "The signature was notarized",
} as const;
export type WitnessMethod = keyof typeof WITNESS_METHODS;
