import { describe, expect, it } from "vitest";
import { redactPhi } from "@/domain/redaction";

describe("log redaction", () => {
  it("replaces PHI fields at any depth and keeps identifiers and outcomes", () => {
    const out = redactPhi({
      requestId: "0b7c2d4e-1111-4222-8333-944455556666",
      confirmationNumber: "RC-7K3M-Q9PX",
      status: "SUBMITTED",
      patient: { patientFirstName: "Jordan", dateOfBirth: "1984-03-14", mrn: "123" },
      form: [{ email: "a@example.com", phone: "630-555-0100", addressLine1: "1 Main" }],
      signatureImage: "data:image/png;base64,AAAA",
    }) as Record<string, unknown>;
    expect(out).toEqual({
      requestId: "0b7c2d4e-1111-4222-8333-944455556666",
      confirmationNumber: "RC-7K3M-Q9PX",
      status: "SUBMITTED",
      patient: { patientFirstName: "[redacted]", dateOfBirth: "[redacted]", mrn: "[redacted]" },
      form: [{ email: "[redacted]", phone: "[redacted]", addressLine1: "[redacted]" }],
      signatureImage: "[redacted]",
    });
  });

  it("reduces errors to their kind, code and stack frames: a driver message can echo a row", () => {
    const error = Object.assign(new Error('duplicate key: (patientLastName)=(Sample)'), { code: "P2002" });
    const out = JSON.stringify(redactPhi({ err: error }));
    expect(out).not.toContain("Sample");
    expect(out).toContain("P2002");
    expect(out).toContain("frames");
  });
});
