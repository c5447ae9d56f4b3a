/** Facts about the organization that pages, e-mails and PDFs repeat (RULES.md §1). */
export const organization = {
  name: "DuPage Medical Group",
  serviceName: "Record Connect",
  questionsPhone: "1-630-873-8748",
  questionsPhoneHref: "tel:+16308738748",
  questionsHours: "Monday–Friday, 8 AM–5 PM (Central Time)",
  paymentPhone: "(312) 757-5020",
  paymentPhoneHref: "tel:+13127575020",
  /** Where mailed checks go (printed on every invoice), and to whom they are payable. */
  checksPayableTo: "DuPage Medical Group",
  paymentAddress: ["Record Connect — Release of Information", "DuPage Medical Group", "1100 West 31st Street, Suite 300", "Downers Grove, IL 60515"],
  /**
   * Where records are picked up, when, and what to bring (given in the scheduled-pickup e-mail and
   * the portal). The release-of-information office at the group's Downers Grove address.
   */
  pickupPlace: "Record Connect — Release of Information, DuPage Medical Group, 1100 West 31st Street, Suite 300, Downers Grove, IL 60515",
  pickupHours: "Monday–Friday, 8 AM–5 PM (Central Time)",
  pickupBring: [
    "A government-issued photo ID (driver's license, state ID card, passport, military ID or permanent resident card).",
    "Only the person who asked for the records, or the recipient the authorization names, may collect them.",
    "If an invoice is open: a check or a credit card (cash is never accepted).",
  ],
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
