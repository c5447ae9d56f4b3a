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
  timeZone: "America/Chicago",
  responseDays: 30,
} as const;
