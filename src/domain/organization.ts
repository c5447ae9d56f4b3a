/**
 * The release-of-information office's postal address: where paper forms, letters and mailed checks
 * go, and where records are picked up. The one source for every page, PDF and e-mail that prints it.
 */
const OFFICE_ADDRESS = ["Record Connect — Release of Information", "DuPage Medical Group", "1100 West 31st Street, Suite 300", "Downers Grove, IL 60515"] as const;

const PAYMENT_PHONE = "(312) 757-5020";

/** Facts about the organization that pages, e-mails and PDFs repeat (RULES.md §1). */
export const organization = {
  name: "DuPage Medical Group",
  serviceName: "Record Connect",
  questionsPhone: "1-630-873-8748",
  questionsPhoneHref: "tel:+16308738748",
  questionsHours: "Monday–Friday, 8 AM–5 PM (Central Time)",
  paymentPhone: PAYMENT_PHONE,
  paymentPhoneHref: "tel:+13127575020",
  /** Where mailed checks go (printed on every invoice), and to whom they are payable. */
  checksPayableTo: "DuPage Medical Group",
  paymentAddress: OFFICE_ADDRESS,
  /** Where signed paper forms (and letters: revocations) are mailed — the same office. */
  mailingAddress: OFFICE_ADDRESS,
  /**
   * Record Connect's fax line for signed paper forms (printed on both printable forms). A
   * placeholder until the group confirms its number (docs/decisions/0019): change it here only.
   */
  fax: "(630) 555-0190",
  faxHref: "tel:+16305550190",
  /**
   * Where records are picked up, when, and what to bring (given in the scheduled-pickup e-mail and
   * the portal). The release-of-information office at the group's Downers Grove address.
   */
  pickupPlace: OFFICE_ADDRESS.join(", "),
  pickupHours: "Monday–Friday, 8 AM–5 PM (Central Time)",
  /** What to bring to a pickup (the e-mail, the portal and the seed's wording say the same). */
  pickupBring: [
    "A government-issued photo ID (driver's license, state ID card, passport, military ID or permanent resident card); the name on it must match.",
    "If you are the patient's legal representative: proof of your authority (for example the guardianship order, power of attorney or letters of office), unless we already have it.",
    `If an invoice is still open: pay it beforehand by card over the phone at ${PAYMENT_PHONE}, or bring a check. Cash is never accepted.`,
  ],
  pickupWho: "Only the patient or the patient's legal representative may collect the records. Anyone else needs a new authorization naming them.",
  /**
   * The patient portal (MyChart): where much of the record is already, and where an electronic
   * copy can be delivered when the patient has an account (issue 17). One constant, linked from
   * the home page and the access request.
   */
  patientPortalName: "MyChart",
  patientPortalUrl: "https://mychart.dulyhealthandcare.com/MyChart/",
  /** HHS Office for Civil Rights: where a patient complains about a refused or delayed access request (45 CFR 160.306). */
  hhsOcrComplaintUrl: "https://www.hhs.gov/hipaa/filing-a-complaint/index.html",
  timeZone: "America/Chicago",
  responseDays: 30,
} as const;
