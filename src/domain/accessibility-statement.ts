/**
 * The words of the accessibility statement (/accessibility), one sentence or list item per entry so
 * they move into the message catalogue whole (no sentence is assembled from pieces). The phone
 * number, hours and address come from organization.ts where the page prints them.
 *
 * Keep "tested" and "limits" true to the tests: tests/e2e/wcag22.spec.ts (the WCAG 2.2 criteria axe
 * does not check), tests/e2e/aria-snapshots.spec.ts (the accessibility tree of each form step), axe
 * on every page of every journey, and the keyboard-only journey (request-keyboard.spec.ts).
 */
export const accessibilityStatement = {
  title: "Accessibility",
  intro:
    "We want everyone who needs medical records to be able to request them here, including people who use a screen reader, a keyboard instead of a mouse, magnification, voice control or other assistive technology.",
  help: {
    heading: "Get help now",
    call: "If anything on this site is hard to use, call Record Connect at",
    relay: "If you are deaf, hard of hearing or have a speech disability, call through your relay service (dial 711).",
    paper: "We can mail you a paper form to fill in and send back by mail or fax, or you can write to us at:",
  },
  formats: {
    heading: "Other formats",
    intro: "Ask us on the phone line for any of these. They cost nothing extra:",
    items: [
      "The paper request form in large print.",
      "The request form, our letters and invoices read to you over the phone.",
      "This site, the forms, our e-mails and letters in Spanish.",
    ],
    paperFormBefore: "The",
    paperFormLink: "printable paper forms",
    paperFormAfter: " are PDF files you can fill in on screen; each field has its label as a tooltip that screen readers announce.",
  },
  target: {
    heading: "Our target",
    standard: "This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.",
    status: "We believe it meets that level except where the known limitations below say otherwise.",
  },
  tested: {
    heading: "How we test",
    intro: "Automated tests run on every change, in a real Chromium browser, before the site is released:",
    items: [
      "Every page of every request journey, in English and Spanish, is checked with axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA rules.",
      "The whole request form is filled in and submitted using only the keyboard.",
      "Target size (2.5.8): every button, link and field is at least 24 by 24 pixels, or has room around it.",
      "Focus not obscured (2.4.11): each element that receives keyboard focus is tabbed to and checked to be visible, not covered by anything else on the page.",
      "Accessible authentication (3.3.8): the sign-in code from the e-mail can be pasted or filled in by the browser, and no puzzle or memory test is asked.",
      "Dragging movements (2.5.7): the signature can be typed instead of drawn.",
      "Consistent help (3.2.6): the phone line and this page are in the same place on every page.",
      "What a screen reader is given (the accessibility tree) at each step of the form is compared with a reviewed copy, so a change in headings, labels or landmarks is noticed.",
    ],
    notDone:
      "We have not yet had the site tested by people with disabilities or run through a screen reader such as NVDA, JAWS or VoiceOver by hand. We plan to, and we welcome reports of anything that gets in your way.",
  },
  limits: {
    heading: "Known limitations",
    items: [
      "Drawing a signature needs a mouse, pen or finger. Typing your name as your signature is always offered instead and is equally valid.",
      "The PDF files we produce (your signed authorization, invoices and letters) are not tagged PDFs, so a screen reader may read them in a poor order. Call us and we will read them to you or send the same information in another format.",
      "Records we release are copies of what your providers wrote; scanned pages may be images without text.",
    ],
  },
  feedback: {
    heading: "Tell us about a problem",
    call: "Tell us what did not work and on which page: call",
    answer: "We write down every report, help you finish your request another way, and fix the site.",
    complaint: "If you are not satisfied with our answer, you can complain to the U.S. Department of Health and Human Services, Office for Civil Rights:",
    complaintLink: "file a civil rights complaint",
    complaintUrl: "https://www.hhs.gov/civil-rights/filing-a-complaint/index.html",
  },
  reviewed: "This statement was last reviewed on",
  reviewedOn: "2026-11-30",
  reviewedOnText: "November 30, 2026",
} as const;
