import { describe, expect, it } from "vitest";
import { newConfirmationNumber, newInvoiceNumber } from "@/domain/ids";
import { plural } from "@/domain/plural";
import { classifyQueueSearch } from "@/domain/queue-search";

describe("what the queue's search box recognises", () => {
  it("confirmation and invoice numbers, as typed", () => {
    for (let i = 0; i < 200; i++) {
      const c = newConfirmationNumber();
      expect(classifyQueueSearch(` ${c.toLowerCase()} `)).toEqual({ kind: "confirmation", value: c });
      const inv = newInvoiceNumber(2026);
      expect(classifyQueueSearch(inv.toLowerCase())).toEqual({ kind: "invoice", value: inv });
      expect(classifyQueueSearch(inv.replace(/-/g, " "))).toEqual({ kind: "invoice", value: inv });
    }
  });

  it("dates of birth, only real ones", () => {
    expect(classifyQueueSearch("1984-03-14")).toEqual({ kind: "dateOfBirth", value: "1984-03-14" });
    expect(classifyQueueSearch("3/4/1984")).toEqual({ kind: "dateOfBirth", value: "1984-03-04" });
    expect(classifyQueueSearch("1984-02-30")?.kind).not.toBe("dateOfBirth");
  });

  it("e-mail addresses (in any case) and name words", () => {
    expect(classifyQueueSearch("Riley@LawFirm.example")).toEqual({ kind: "email", value: "riley@lawfirm.example" });
    expect(classifyQueueSearch("Quimby, Harriet")).toEqual({ kind: "name", words: ["Quimby", "Harriet"] });
    expect(classifyQueueSearch("100%_\\")).toEqual({ kind: "name", words: ["100"] });
    expect(classifyQueueSearch("   ")).toBeNull();
  });
});

describe("counts with their nouns", () => {
  it("pluralizes", () => {
    expect(plural(1, "page")).toBe("1 page");
    expect(plural(0, "page")).toBe("0 pages");
    expect(plural(2, "day")).toBe("2 days");
    expect(plural(-1, "day")).toBe("-1 day");
    expect(plural(1200, "request")).toBe("1,200 requests");
  });
});
