import { describe, expect, it } from "vitest";
import { REPRESENTATIVE_AUTHORITIES } from "@/domain/authorization-form";
import { authorityInSentence } from "@/domain/authority-phrase";

describe("a representative's authority in a sentence", () => {
  it("never carries the form's instructions, for every authority", () => {
    for (const a of REPRESENTATIVE_AUTHORITIES) for (const detail of [undefined, null, "", "Court order no. 12"]) expect(authorityInSentence(a, detail)).not.toMatch(/\((explain|describe)\)/i);
  });

  it("follows 'other legal authority' with what the person wrote", () => {
    expect(authorityInSentence("OTHER", " Trustee under a court order ")).toBe("Other legal authority: Trustee under a court order");
    expect(authorityInSentence("OTHER")).toBe("Other legal authority");
    expect(authorityInSentence("HEALTH_CARE_POWER_OF_ATTORNEY", "ignored")).toBe("Agent under a health care power of attorney");
  });
});
