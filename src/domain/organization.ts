/** Facts about the organization that pages, e-mails and PDFs repeat (RULES.md §1). */
export const organization = {
  name: "DuPage Medical Group",
  serviceName: "Record Connect",
  questionsPhone: "1-630-873-8748",
  questionsPhoneHref: "tel:+16308738748",
  questionsHours: "Monday–Friday, 8 AM–5 PM (Central Time)",
  paymentPhone: "(312) 757-5020",
  paymentPhoneHref: "tel:+13127575020",
  timeZone: "America/Chicago",
  responseDays: 30,
} as const;
