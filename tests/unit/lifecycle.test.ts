import { describe, expect, it } from "vitest";
import { availableEvents, decide, REQUEST_STATUSES, type LifecycleEvent, type RequestStatus } from "@/domain/lifecycle";

const patient = { requesterKind: "PATIENT" as const, deliveryMethod: "MAIL" as const, recipientKind: "SELF" as const };
const fullChecklist = { elementsPresent: true, identityChecked: true, authorityChecked: false, specialConsentsMatch: true };
const associate = { role: "ASSOCIATE" as const };
const supervisor = { role: "SUPERVISOR" as const };
const admin = { role: "ADMIN" as const };

describe("request lifecycle", () => {
  it.each<[RequestStatus, LifecycleEvent, RequestStatus]>([
    ["SUBMITTED", "START_REVIEW", "IN_REVIEW"],
    ["DEFICIENT", "RESUME_REVIEW", "IN_REVIEW"],
    ["VERIFIED", "INVOICE_ISSUED", "AWAITING_PAYMENT"],
    ["AWAITING_PAYMENT", "INVOICE_ISSUED", "AWAITING_PAYMENT"],
    ["AWAITING_PAYMENT", "INVOICE_VOIDED", "VERIFIED"],
    ["AWAITING_PAYMENT", "PAYMENT_COMPLETED", "READY_TO_RELEASE"],
    ["READY_TO_RELEASE", "RELEASE", "RELEASED"],
    ["RELEASED", "COMPLETE", "COMPLETED"],
  ])("%s —%s→ %s for an associate", (from, event, to) => {
    expect(decide(from, event, associate, patient)).toEqual({ ok: true, to });
  });

  it("verifies only with the whole checklist, and the authority check for a representative", () => {
    expect(decide("IN_REVIEW", "VERIFY", associate, { ...patient, checklist: fullChecklist })).toEqual({ ok: true, to: "VERIFIED" });
    expect(decide("IN_REVIEW", "VERIFY", associate, { ...patient, checklist: { ...fullChecklist, identityChecked: false } }).ok).toBe(false);
    expect(decide("IN_REVIEW", "VERIFY", associate, { ...patient, requesterKind: "REPRESENTATIVE", checklist: fullChecklist }).ok).toBe(false);
    expect(decide("IN_REVIEW", "VERIFY", associate, patient).ok).toBe(false);
  });

  it("makes release before verification impossible, from every earlier status", () => {
    for (const status of ["SUBMITTED", "IN_REVIEW", "DEFICIENT", "VERIFIED", "AWAITING_PAYMENT"] as const) {
      expect(decide(status, "RELEASE", supervisor, patient).ok).toBe(false);
      expect(decide(status, "RELEASE", supervisor, { ...patient, recipientKind: "MEDICAL_PROVIDER" }).ok).toBe(false);
    }
  });

  it("needs a reason to mark deficient or reject, and only supervisors reject", () => {
    expect(decide("IN_REVIEW", "MARK_DEFICIENT", associate, patient).ok).toBe(false);
    expect(decide("IN_REVIEW", "MARK_DEFICIENT", associate, { ...patient, reason: "ID is expired" })).toEqual({ ok: true, to: "DEFICIENT" });
    expect(decide("IN_REVIEW", "REJECT", associate, { ...patient, reason: "Not the patient" }).ok).toBe(false);
    expect(decide("IN_REVIEW", "REJECT", supervisor, { ...patient, reason: "Not the patient" })).toEqual({ ok: true, to: "REJECTED" });
  });

  it("schedules pickups only for pickup requests", () => {
    expect(decide("READY_TO_RELEASE", "SCHEDULE_PICKUP", associate, patient).ok).toBe(false);
    expect(decide("READY_TO_RELEASE", "SCHEDULE_PICKUP", associate, { ...patient, deliveryMethod: "PICKUP" })).toEqual({ ok: true, to: "PICKUP_SCHEDULED" });
  });

  it("lets administrators take no step on a request, and only the requester revoke", () => {
    for (const status of REQUEST_STATUSES) expect(availableEvents(status, "ADMIN")).toEqual([]);
    expect(decide("IN_REVIEW", "REVOKE", supervisor, patient).ok).toBe(false);
    expect(decide("IN_REVIEW", "REVOKE", "requester", patient)).toEqual({ ok: true, to: "REVOKED" });
    expect(decide("RELEASED", "REVOKE", "requester", patient)).toEqual({ ok: true, to: "REVOKED" });
    expect(decide("COMPLETED", "REVOKE", "requester", patient).ok).toBe(false);
    expect(decide("READY_TO_RELEASE", "REVOKE_RECORDED", { role: "ASSOCIATE" }, patient)).toEqual({ ok: true, to: "REVOKED" });
    expect(decide("SUBMITTED", "START_REVIEW", admin, patient).ok).toBe(false);
  });

  it("goes straight on to release only when there is nothing to charge (always so for a medical provider)", () => {
    expect(decide("VERIFIED", "RECORDS_READY", associate, { ...patient, recipientKind: "MEDICAL_PROVIDER" })).toEqual({ ok: true, to: "READY_TO_RELEASE" });
    expect(decide("VERIFIED", "RECORDS_READY", associate, patient).ok).toBe(false);
    expect(decide("VERIFIED", "RECORDS_READY", associate, { ...patient, recipientKind: "THIRD_PARTY", feeCents: 3602 }).ok).toBe(false);
    expect(decide("VERIFIED", "RECORDS_READY", associate, { ...patient, feeCents: 0 })).toEqual({ ok: true, to: "READY_TO_RELEASE" });
  });

  it("releases an unpaid request only when the release-requires-payment policy is off", () => {
    for (const event of ["RELEASE", "SCHEDULE_PICKUP"] as const) {
      const context = { ...patient, deliveryMethod: "PICKUP" as const };
      expect(decide("AWAITING_PAYMENT", event, associate, context).ok).toBe(false);
      expect(decide("AWAITING_PAYMENT", event, associate, { ...context, releaseRequiresPayment: true }).ok).toBe(false);
      expect(decide("AWAITING_PAYMENT", event, associate, { ...context, releaseRequiresPayment: false }).ok).toBe(true);
    }
  });

  it("closed requests go nowhere", () => {
    for (const status of ["COMPLETED", "REJECTED", "REVOKED"] as const) expect(availableEvents(status, "SUPERVISOR")).toEqual([]);
  });
});
