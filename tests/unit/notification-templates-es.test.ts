import { describe, expect, it } from "vitest";
import { EXTENSION_REASONS } from "@/domain/extension";
import { organization } from "@/domain/organization";
import { NOTIFICATION_TEMPLATES, portalUrlFor, renderNotification } from "@/server/notifications/templates";

/*
 * Issue 15: every e-mail a requester receives is in the language of their request. The Spanish
 * messages carry the same link, number and phone as the English ones, no PHI (the same inputs),
 * and no English sentence.
 */

const context = {
  confirmationNumber: "RC-7K3M-Q9PX",
  portalUrl: "https://requests.example.org/es/portal",
  trackingNumber: "9400 1000 0000 0000 0000 00",
  code: "482913",
  signUrl: `https://requests.example.org/sign/open?t=${"A".repeat(43)}`,
  correctUrl: `https://requests.example.org/request/third-party/correct/open?t=${"B".repeat(43)}`,
  downloadUrl: `https://requests.example.org/es/portal/download?t=${"C".repeat(43)}`,
  extension: { reason: EXTENSION_REASONS.RECORDS_OFFSITE, newDueDay: "2026-03-14" },
};

/** English words that appear in no Spanish sentence of ours: one of them means an English sentence slipped through. */
const ENGLISH = /\b(?:the|your|you|we|please|sign in|request|records|update|received|thank|what|when|where|invoice|questions|call)\b/i;

/** The text with what is the same in both languages taken out: links, the number, the phone, names. */
function wordsOf(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, "")
    .replace(context.confirmationNumber, "")
    .replace(organization.questionsPhone, "")
    .replace(organization.paymentPhone, "")
    .replaceAll(organization.serviceName, "")
    .replace(organization.pickupPlace, "")
    .replace(/<[^>]+>/g, " ");
}

describe("notification e-mails in Spanish", () => {
  for (const template of NOTIFICATION_TEMPLATES) {
    it(`${template}: Spanish subject and body, lang="es", the same link, number and phone, no English sentence`, () => {
      const es = renderNotification(template, context, "es");
      const en = renderNotification(template, context, "en");
      expect(es.subject).not.toBe(en.subject);
      expect(es.html).toMatch(/^<!doctype html>\n<html lang="es">/);
      const link = template === "SIGNING_INVITATION" ? context.signUrl : template === "PAPER_AUTHORIZATION_DEFICIENT" ? context.correctUrl : template === "RECORDS_READY" ? context.downloadUrl : context.portalUrl;
      for (const part of [es.text, es.html]) {
        expect(part).toContain(link);
        expect(part).toContain(organization.questionsPhone);
        expect(part).toContain(context.confirmationNumber);
        expect(part).toContain("¿Preguntas?");
      }
      expect(wordsOf(es.subject)).not.toMatch(ENGLISH);
      expect(wordsOf(es.text)).not.toMatch(ENGLISH);
      expect(wordsOf(es.html)).not.toMatch(ENGLISH);
      // The same paragraphs, one for one: nothing left out in translation.
      expect(es.text.split("\n\n").length).toBe(en.text.split("\n\n").length);
    });
  }

  it("give dates, reasons and the code in Spanish", () => {
    const extension = renderNotification("EXTENSION", context, "es").text;
    expect(extension).toContain("Motivo: Parte de los expedientes se guarda en un depósito o archivo externo");
    expect(extension).toContain("responderemos a más tardar el 14 de marzo de 2026");
    expect(renderNotification("EXTENSION", context, "en").text).toContain("we will respond by March 14, 2026");
    expect(renderNotification("ACCESS_CODE", context, "es").text).toContain("Su código para entrar es 482913");
    expect(renderNotification("MAILED", context, "es").text).toContain("Número de seguimiento: 9400 1000 0000 0000 0000 00");
    expect(renderNotification("PICKUP_SCHEDULED", context, "es").text).toContain("Nunca se acepta efectivo.");
    expect(renderNotification("REQUEST_RECEIVED", context, "es").subject).toBe("Recibimos su solicitud de expedientes RC-7K3M-Q9PX");
  });

  it("an extension reason that is not one of the fixed texts is left out in both languages", () => {
    for (const locale of ["en", "es"] as const) {
      const text = renderNotification("EXTENSION", { ...context, extension: { reason: "The patient Jordan Sample's chart is large", newDueDay: "2026-03-14" } }, locale).text;
      expect(text).not.toContain("Jordan");
      expect(text).not.toMatch(/Reason|Motivo/);
    }
  });

  it("link to the portal in the request's language", () => {
    expect(portalUrlFor("https://requests.example.org", "es")).toBe("https://requests.example.org/es/portal");
    expect(portalUrlFor("https://requests.example.org", "en")).toBe("https://requests.example.org/portal");
  });
});
