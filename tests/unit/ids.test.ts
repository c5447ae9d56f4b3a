import { describe, expect, it } from "vitest";
import { CONFIRMATION_NUMBER_PATTERN, newConfirmationNumber, newInvoiceNumber, normalizeConfirmationNumber } from "@/domain/ids";

describe("confirmation numbers", () => {
  it("look like RC-7K3M-Q9PX and avoid the letters people mishear", () => {
    for (let i = 0; i < 1000; i++) {
      const n = newConfirmationNumber();
      expect(n).toMatch(CONFIRMATION_NUMBER_PATTERN);
      expect(n.slice(3)).not.toMatch(/[ILOU]/);
    }
  });

  it("are random, not sequential: 20,000 draws never repeat and consecutive draws share no prefix pattern", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(newConfirmationNumber());
    expect(seen.size).toBe(20_000);
    const a = newConfirmationNumber();
    const b = newConfirmationNumber();
    expect(a).not.toBe(b);
  });

  it("use every symbol of the alphabet with roughly equal frequency (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 8_000; i++) for (const ch of newConfirmationNumber().replace(/^RC-|-/g, "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    for (const c of counts.values()) expect(c).toBeGreaterThan(1500); // expected 2000 each
  });

  it("accept what a person types on the phone", () => {
    expect(normalizeConfirmationNumber("rc 7k3m q9px")).toBe("RC-7K3M-Q9PX");
    expect(normalizeConfirmationNumber("7K3MQ9PX")).toBe("RC-7K3M-Q9PX");
    expect(normalizeConfirmationNumber("RC-7K3M-Q9PO")).toBe("RC-7K3M-Q9P0");
    expect(normalizeConfirmationNumber("RC-7K3M-Q9P")).toBeNull();
    expect(normalizeConfirmationNumber("RC-7K3M-Q9PU")).toBeNull();
  });

  it("invoice numbers carry the year and six random symbols", () => {
    expect(newInvoiceNumber(2026)).toMatch(/^INV-2026-[0-9A-HJKMNP-TV-Z]{6}$/);
  });
});
