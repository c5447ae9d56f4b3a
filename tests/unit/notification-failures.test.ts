import { describe, expect, it } from "vitest";
import { describeSmtpFailure, redactAddresses, retryDelayMs } from "@/server/notifications/failures";

const smtpError = (responseCode: number, response: string, code = "EENVELOPE") => Object.assign(new Error(`Can't send mail - all recipients were rejected: ${response}`), { responseCode, response, code });

describe("judging a failed delivery", () => {
  it("a 5xx reply is permanent, and its text is kept without the address it echoes", () => {
    const failure = describeSmtpFailure(smtpError(550, "550 5.1.1 <jordan.sample@example.com>: Recipient address rejected: User unknown"));
    expect(failure).toEqual({ permanent: true, summary: "SMTP 550: 5.1.1 <[address]>: Recipient address rejected: User unknown" });
  });

  it("a 4xx reply is worth another try", () => {
    expect(describeSmtpFailure(smtpError(451, "451 4.3.0 Try again later", "EMESSAGE"))).toEqual({ permanent: false, summary: "SMTP 451: 4.3.0 Try again later" });
  });

  it("no reply at all — refused, reset, timed out — is worth another try", () => {
    expect(describeSmtpFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ESOCKET" }))).toEqual({
      permanent: false,
      summary: "Could not reach the SMTP server (ESOCKET, ECONNREFUSED)",
    });
    expect(describeSmtpFailure(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })).permanent).toBe(false);
    expect(describeSmtpFailure(new Error("something else")).summary).toBe("Could not reach the SMTP server (no reply)");
  });

  it("an authentication failure is our configuration, not the message: tried again", () => {
    expect(describeSmtpFailure(smtpError(535, "535 5.7.8 Authentication credentials invalid", "EAUTH")).permanent).toBe(false);
  });

  it("a message nodemailer refuses to build or address is permanent", () => {
    expect(describeSmtpFailure(Object.assign(new Error("No recipients defined"), { code: "EENVELOPE" }))).toEqual({ permanent: true, summary: "The message was refused before sending (EENVELOPE)" });
  });

  it("reasons are short, on one line, and name no address", () => {
    expect(redactAddresses(`a@b.example\r\nrcpt "x.y+z@mail.example.org" ${"x".repeat(400)}`)).toMatch(/^\[address\] rcpt "\[address\]" x+$/);
    expect(redactAddresses("y".repeat(400))).toHaveLength(300);
  });
});

describe("backoff", () => {
  it("doubles from the base delay up to the ceiling, with 50–100 % jitter", () => {
    const top = () => 1; // Math.random never returns 1; the ceiling itself
    const bottom = () => 0;
    expect([1, 2, 3, 4, 5, 8].map((n) => retryDelayMs(n, 30, 3600, top))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 3_600_000]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, 30, 3600, bottom))).toEqual([15_000, 30_000, 60_000]);
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(3, 0.2, 60);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });
});
