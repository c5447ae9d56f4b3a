import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAllowedStaffEmail, parseStaffEmailDomains, staffEmailDomainMessage } from "@/domain/staff-email";

describe("staff work e-mail domains", () => {
  it("defaults to the organisation's domain and reads a comma-separated setting", () => {
    expect(parseStaffEmailDomains(undefined)).toEqual(["recordconnect.example"]);
    expect(parseStaffEmailDomains(" ")).toEqual(["recordconnect.example"]);
    expect(parseStaffEmailDomains("@Clinic.example, recordconnect.example")).toEqual(["clinic.example", "recordconnect.example"]);
  });

  it("accepts the domain and its subdomains, refuses webmail and look-alikes", () => {
    const domains = ["recordconnect.example"];
    for (const ok of ["a@recordconnect.example", "A.B@RecordConnect.Example", "x@mail.recordconnect.example"]) expect(isAllowedStaffEmail(ok, domains), ok).toBe(true);
    for (const no of ["someone@gmail.com", "x@outlook.com", "x@evilrecordconnect.example", "x@recordconnect.example.evil.com", "recordconnect.example@gmail.com", "x@", "@recordconnect.example"]) expect(isAllowedStaffEmail(no, domains), no).toBe(false);
  });

  it("refuses every address whose domain is not an allowed one or below it", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
        expect(isAllowedStaffEmail(email, ["recordconnect.example"])).toBe(domain === "recordconnect.example" || domain.endsWith(".recordconnect.example"));
      }),
    );
  });

  it("names the allowed domains in its message", () => {
    expect(staffEmailDomainMessage(["a.example", "b.example"])).toContain("ending in @a.example or @b.example");
  });
});
