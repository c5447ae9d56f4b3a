import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { availableEvents, CLOSED_STATUSES, REQUEST_STATUSES, type RequestStatus } from "@/domain/lifecycle";
import { nextStep, type NextStepInput, type NextStepKey } from "@/domain/next-step";

const base: NextStepInput = {
  status: "SUBMITTED",
  assigned: false,
  deliveryMethod: "SECURE_EMAIL",
  recipientKind: "SELF",
  providerAddressVerified: false,
  recordsAttached: false,
  deficiencyAnswered: false,
  mailingPrepared: false,
  extensionLetterWaiting: false,
  releaseRequiresPayment: true,
};
const key = (over: Partial<NextStepInput>) => nextStep({ ...base, ...over }).key;

describe("the one next step, status by status", () => {
  // [status, what else is true, the next step]
  const table: Array<[RequestStatus, Partial<NextStepInput>, NextStepKey]> = [
    ["SUBMITTED", { assigned: false }, "CLAIM"],
    ["SUBMITTED", { assigned: true }, "START_REVIEW"],
    ["IN_REVIEW", {}, "VERIFY"],
    ["DEFICIENT", { deficiencyAnswered: false }, "WAIT_FOR_REQUESTER"],
    ["DEFICIENT", { deficiencyAnswered: true }, "RESUME_REVIEW"],
    ["VERIFIED", { recordsAttached: false }, "ATTACH_RECORDS"],
    ["VERIFIED", { recordsAttached: true }, "ISSUE_INVOICE"],
    ["VERIFIED", { recipientKind: "THIRD_PARTY", recordsAttached: true }, "ISSUE_INVOICE"],
    ["VERIFIED", { recipientKind: "MEDICAL_PROVIDER", providerAddressVerified: false }, "VERIFY_PROVIDER_ADDRESS"],
    ["VERIFIED", { recipientKind: "MEDICAL_PROVIDER", providerAddressVerified: false, recordsAttached: true }, "VERIFY_PROVIDER_ADDRESS"],
    ["VERIFIED", { recipientKind: "MEDICAL_PROVIDER", providerAddressVerified: true }, "ATTACH_RECORDS"],
    ["VERIFIED", { recipientKind: "MEDICAL_PROVIDER", providerAddressVerified: true, recordsAttached: true }, "ATTACH_RECORDS"],
    ["AWAITING_PAYMENT", { releaseRequiresPayment: true }, "RECORD_PAYMENT"],
    ["AWAITING_PAYMENT", { releaseRequiresPayment: false, deliveryMethod: "SECURE_EMAIL" }, "RELEASE_SECURE_EMAIL"],
    ["AWAITING_PAYMENT", { releaseRequiresPayment: false, deliveryMethod: "PICKUP" }, "SCHEDULE_PICKUP"],
    ["READY_TO_RELEASE", { deliveryMethod: "SECURE_EMAIL" }, "RELEASE_SECURE_EMAIL"],
    ["READY_TO_RELEASE", { deliveryMethod: "MAIL", mailingPrepared: false }, "PREPARE_MAILING"],
    ["READY_TO_RELEASE", { deliveryMethod: "MAIL", mailingPrepared: true }, "MARK_MAILED"],
    ["READY_TO_RELEASE", { deliveryMethod: "PICKUP" }, "SCHEDULE_PICKUP"],
    ["PICKUP_SCHEDULED", { deliveryMethod: "PICKUP" }, "RECORD_PICKUP"],
    ["RELEASED", {}, "COMPLETE"],
    ["COMPLETED", {}, "NONE"],
    ["REJECTED", {}, "NONE"],
    ["REVOKED", {}, "NONE"],
    // The written notice of an extension comes before anything else while the request is open.
    ["IN_REVIEW", { extensionLetterWaiting: true }, "MAIL_EXTENSION_LETTER"],
    ["READY_TO_RELEASE", { extensionLetterWaiting: true }, "MAIL_EXTENSION_LETTER"],
    ["COMPLETED", { extensionLetterWaiting: true }, "NONE"],
  ];
  for (const [status, over, expected] of table) {
    it(`${status} ${JSON.stringify(over)} → ${expected}`, () => expect(key({ ...over, status })).toBe(expected));
  }
  it("covers every status in the table", () => {
    for (const s of REQUEST_STATUSES) expect(table.some(([status]) => status === s), s).toBe(true);
  });
});

const arbitraryInput = fc.record({
  status: fc.constantFrom(...REQUEST_STATUSES),
  assigned: fc.boolean(),
  deliveryMethod: fc.constantFrom("SECURE_EMAIL" as const, "MAIL" as const, "PICKUP" as const),
  recipientKind: fc.constantFrom("SELF" as const, "MEDICAL_PROVIDER" as const, "THIRD_PARTY" as const),
  providerAddressVerified: fc.boolean(),
  recordsAttached: fc.boolean(),
  deficiencyAnswered: fc.boolean(),
  mailingPrepared: fc.boolean(),
  extensionLetterWaiting: fc.boolean(),
  releaseRequiresPayment: fc.boolean(),
});

/** The lifecycle event a step takes, where the step is one (the others are not status changes). */
const stepEvent: Partial<Record<NextStepKey, string>> = { START_REVIEW: "START_REVIEW", RESUME_REVIEW: "RESUME_REVIEW", VERIFY: "VERIFY", COMPLETE: "COMPLETE" };

describe("the one next step, over every combination (property)", () => {
  it("is nothing exactly when the request is closed, and always has a title and words", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const step = nextStep(input);
        expect(step.key === "NONE").toBe(CLOSED_STATUSES.includes(input.status));
        expect(step.title.length).toBeGreaterThan(0);
        expect(step.detail.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
  it("names a status change only when the state machine allows it from that status (for an associate)", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const event = stepEvent[nextStep(input).key];
        if (event) expect(availableEvents(input.status, "ASSOCIATE")).toContain(event);
      }),
      { numRuns: 2000 },
    );
  });
  it("never points to the release section for anything but a release step's status", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const step = nextStep(input);
        if (step.place === "release") expect(["VERIFIED", "AWAITING_PAYMENT", "READY_TO_RELEASE", "PICKUP_SCHEDULED", "RELEASED"]).toContain(input.status);
      }),
    );
  });
});
