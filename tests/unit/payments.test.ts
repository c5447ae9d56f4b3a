import { describe, expect, it } from "vitest";
import { CASH_REFUSED, feeEntrySchema, FULL_CARD_NUMBER, parseDollars, paymentSchema } from "@/domain/payments";

const today = "2026-11-25";
const errors = (input: unknown) => {
  const r = paymentSchema(today).safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join(".") || "form", i.message]));
};

describe("amounts typed by staff", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["$1,234.56", 123456],
    ["0.07", 7],
    [" 36.02 ", 3602],
  ])("%s is %d cents", (text, cents) => expect(parseDollars(text)).toBe(cents));

  it.each(["", "abc", "1.234", "-5", "1e3", "12.", "99999999"])("%s is not an amount", (text) => expect(parseDollars(text)).toBeNull());
});

describe("payments", () => {
  const check = { method: "CHECK", amount: "36.02", receivedOn: "2026-11-24", checkNumber: "1042" };
  const card = { method: "CARD_BY_PHONE", amount: "36.02", receivedOn: "2026-11-24", cardLast4: "4242", cardAuthCode: "a1b2c3" };

  it("takes a check with its number, and a card by phone with only its last four digits and the authorization code", () => {
    expect(paymentSchema(today).parse(check)).toEqual({ method: "CHECK", amountCents: 3602, receivedOn: "2026-11-24", checkNumber: "1042", cardLast4: null, cardAuthCode: null });
    expect(paymentSchema(today).parse(card)).toEqual({ method: "CARD_BY_PHONE", amountCents: 3602, receivedOn: "2026-11-24", checkNumber: null, cardLast4: "4242", cardAuthCode: "A1B2C3" });
  });

  it("refuses cash with a message that says what to do instead", () => {
    expect(errors({ ...check, method: "CASH" })).toEqual({ method: CASH_REFUSED });
    expect(CASH_REFUSED).toMatch(/\(312\) 757-5020/);
  });

  it("refuses anything that looks like a full card number, in any field, and keeps nothing of it", () => {
    expect(errors({ ...card, cardLast4: "4111111111111111" })).toEqual({ cardLast4: FULL_CARD_NUMBER });
    expect(errors({ ...card, cardAuthCode: "4111 1111 1111 1111" })).toEqual({ cardAuthCode: FULL_CARD_NUMBER });
    expect(errors({ ...check, checkNumber: "4111-1111-1111-1111" })).toEqual({ checkNumber: FULL_CARD_NUMBER });
  });

  it("gives a field-level message for each missing or malformed detail", () => {
    expect(errors({ ...check, checkNumber: "" })).toHaveProperty("checkNumber");
    expect(errors({ ...card, cardLast4: "42" })).toHaveProperty("cardLast4");
    expect(errors({ ...card, cardAuthCode: "x" })).toHaveProperty("cardAuthCode");
    expect(errors({ ...check, amount: "0" })).toEqual({ amount: "Enter an amount greater than $0.00" });
    expect(errors({ ...check, receivedOn: "2026-11-26" })).toEqual({ receivedOn: "The date received cannot be in the future" });
    expect(errors({ ...check, method: "BITCOIN" })).toHaveProperty("method");
  });
});

describe("fee entries", () => {
  it("reads postage and items at cost in dollars, to cents", () => {
    expect(feeEntrySchema.parse({ medium: "PAPER", microformPages: "2", postage: "7.32", atCostItems: [{ description: " X-ray film ", amount: "15" }] })).toEqual({
      medium: "PAPER",
      microformPages: 2,
      postage: 732,
      atCostItems: [{ description: "X-ray film", amount: 1500 }],
    });
  });

  it("refuses negative or fractional pages and an item without a description", () => {
    const r = feeEntrySchema.safeParse({ medium: "PAPER", microformPages: "-1", postage: "x", atCostItems: [{ description: " ", amount: "1" }] });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join("."))).toEqual(["microformPages", "postage", "atCostItems.0.description"]);
  });
});
