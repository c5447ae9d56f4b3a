import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, dayToDateOnly, startOfDayInChicago, endOfDayInChicago } from "@/domain/chicago";
import { type AuthorizationFacts, authorizationValidity, isRealExpirationEvent } from "@/domain/validity";

const base: AuthorizationFacts = {
  status: "VERIFIED",
  requesterKind: "PATIENT",
  representativeAuthority: null,
  patientDateOfBirth: "1984-03-14",
  patientDeceased: false,
  expirationKind: "DATE",
  expirationDate: dayToDateOnly("2027-06-30"),
  expirationEvent: null,
  revokedAt: null,
  completeRecord: false,
  recordTypes: ["LAB_RESULTS"],
  psychotherapyNotes: false,
  recipientKind: "SELF",
  recipientName: null,
  purpose: "At the request of the individual",
  signerName: "Jordan Sample",
  signedAt: new Date("2026-11-25T16:00:00Z"),
  signerAuthorityStatement: null,
};
const codes = (f: AuthorizationFacts, now: Date) => {
  const v = authorizationValidity(f, now);
  return v.valid ? [] : v.problems.map((p) => p.code);
};

describe("authorization validity (45 CFR 164.508(b)(2), (c))", () => {
  it("is valid through the whole expiration day in Chicago, and expired from the next day's first moment", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const day = addCalendarDays("2025-01-01", offset);
        const f = { ...base, expirationDate: dayToDateOnly(day) };
        expect(codes(f, startOfDayInChicago(day))).toEqual([]);
        expect(codes(f, endOfDayInChicago(day))).toEqual([]);
        expect(codes(f, startOfDayInChicago(addCalendarDays(day, 1)))).toEqual(["EXPIRED"]);
      }),
      { numRuns: 300 },
    );
  });

  it("an expiration event that names no event is no expiration", () => {
    for (const e of ["never", "Never.", "NONE", "n/a", "No expiration", "does not expire", "indefinitely", "forever", "until revoked", "", "  "]) expect(isRealExpirationEvent(e), e).toBe(false);
    for (const e of ["The end of my insurance claim", "When my lawsuit is settled", "Once the records are delivered"]) expect(isRealExpirationEvent(e), e).toBe(true);
    expect(codes({ ...base, expirationKind: "EVENT", expirationDate: null, expirationEvent: "never" }, new Date())).toEqual(["MISSING_ELEMENT"]);
  });

  it("a revocation, a missing element or a signer no longer entitled makes it invalid", () => {
    const now = new Date("2026-11-29T18:00:00Z");
    expect(codes({ ...base, revokedAt: now }, now)).toEqual(["REVOKED"]);
    expect(codes({ ...base, recordTypes: [] }, now)).toEqual(["MISSING_ELEMENT"]);
    expect(codes({ ...base, recipientKind: "THIRD_PARTY", recipientName: " " }, now)).toEqual(["MISSING_ELEMENT"]);
    expect(codes({ ...base, signerName: "" }, now)).toEqual(["MISSING_ELEMENT"]);
    const parent = { ...base, requesterKind: "REPRESENTATIVE" as const, representativeAuthority: "PARENT_OF_MINOR", signerAuthorityStatement: "Parent", patientDateOfBirth: "2008-11-30" };
    expect(codes(parent, now)).toEqual([]); // 17 on 2026-11-29
    expect(codes(parent, new Date("2026-11-30T18:00:00Z"))).toEqual(["SIGNER_NOT_ENTITLED"]); // 18 that day
    expect(codes({ ...base, requesterKind: "REPRESENTATIVE", representativeAuthority: "ESTATE_EXECUTOR_OR_ADMINISTRATOR", signerAuthorityStatement: "Executor" }, now)).toEqual(["SIGNER_NOT_ENTITLED"]);
  });
});
