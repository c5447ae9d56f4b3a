import { describe, expect, it } from "vitest";
import { recordTypeLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import { escapeHtml, NOTIFICATION_TEMPLATES, renderNotification } from "@/server/notifications/templates";
import { validPatientForm, validRepresentativeForm } from "../support/forms";

const context = { confirmationNumber: "RC-7K3M-Q9PX", portalUrl: "https://requests.example.org/portal", trackingNumber: "9400 1000 0000 0000 0000 00", code: "482913", signUrl: `https://requests.example.org/sign/open?t=${"A".repeat(43)}`, correctUrl: `https://requests.example.org/request/third-party/correct/open?t=${"B".repeat(43)}` };

/** What a sample request holds that must never reach an e-mail (SECURITY.md §9). */
function phiCanaries(): string[] {
  const patient = validPatientForm();
  const representative = validRepresentativeForm();
  const rep = representative.requester.kind === "REPRESENTATIVE" ? representative.requester.representative : null;
  return [
    patient.patient.firstName,
    patient.patient.lastName,
    patient.patient.dateOfBirth,
    "03/14/1984",
    "March 14, 1984",
    patient.patient.phone,
    patient.patient.address.line1,
    patient.patient.address.city,
    patient.patient.address.postalCode,
    "jordan.sample",
    "@example.com",
    representative.patient.firstName,
    representative.patient.lastName,
    rep!.name,
    rep!.phone,
    "200 Sample Avenue",
    "Wheaton",
    ...patient.information.recordTypes!.map((t) => recordTypeLabels[t]),
    "Psychotherapy",
    "HIV",
    "$",
  ];
}

describe("notification e-mails", () => {
  it("exist for every template the database knows", () => {
    expect(NOTIFICATION_TEMPLATES.sort()).toEqual(
      ["ACCESS_CODE", "COMPLETED", "DEFICIENCY", "EXTENSION", "INVOICE_ISSUED", "MAILED", "PAYMENT_RECEIVED", "PICKUP_CALL", "PICKUP_SCHEDULED", "RECORDS_READY", "REJECTED", "REQUEST_RECEIVED", "SIGNING_INVITATION", "PAPER_AUTHORIZATION_DEFICIENT"].sort(),
    );
  });

  for (const template of NOTIFICATION_TEMPLATES) {
    it(`${template}: subject, text and HTML with the confirmation number, the portal link and the phone, and no PHI`, () => {
      const message = renderNotification(template, context);
      // The invitation to sign (third party) links to its single-use signing page instead of the portal.
      const link = template === "SIGNING_INVITATION" ? context.signUrl : template === "PAPER_AUTHORIZATION_DEFICIENT" ? context.correctUrl : context.portalUrl;
      expect(message.subject.length).toBeGreaterThan(10);
      for (const part of [message.text, message.html]) {
        expect(part).toContain(context.confirmationNumber);
        expect(part).toContain(link);
        expect(part).toContain(organization.questionsPhone);
      }
      expect(message.html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(message.html).toContain(`<title>${escapeHtml(message.subject)}</title>`);
      expect(message.html).toContain(`<a href="${link}"`);
      expect(message.html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
      expect(message.html).not.toMatch(/<img|<script|https?:\/\/(?!requests\.example\.org)/);
      for (const canary of phiCanaries()) {
        expect(message.subject, canary).not.toContain(canary);
        expect(message.text, canary).not.toContain(canary);
        expect(message.html, canary).not.toContain(canary);
      }
    });
  }

  it("say there is an update and name the request, never what it is about", () => {
    expect(renderNotification("INVOICE_ISSUED", context).subject).toBe("There is an update on your records request RC-7K3M-Q9PX");
    expect(renderNotification("INVOICE_ISSUED", context).text).toContain("An invoice is ready");
    expect(renderNotification("REQUEST_RECEIVED", context).subject).toBe("We received your records request RC-7K3M-Q9PX");
  });

  it("give the tracking number of a mailing, and the code of a sign-in (not in the subject)", () => {
    expect(renderNotification("MAILED", context).text).toContain("Tracking number: 9400 1000 0000 0000 0000 00");
    expect(renderNotification("MAILED", { ...context, trackingNumber: null }).text).not.toContain("Tracking");
    const code = renderNotification("ACCESS_CODE", context);
    expect(code.text).toContain("Your sign-in code is 482913");
    expect(code.subject).not.toContain("482913");
    expect(() => renderNotification("ACCESS_CODE", { ...context, code: null })).toThrow(/six-digit code/);
    expect(() => renderNotification("SIGNING_INVITATION", { ...context, signUrl: null })).toThrow(/invitation to sign is closed/);
    expect(() => renderNotification("PAPER_AUTHORIZATION_DEFICIENT", { ...context, correctUrl: null })).toThrow(/no longer waiting for a correction/);
  });

  it("escape what they interpolate, and refuse anything but a confirmation number", () => {
    const html = renderNotification("COMPLETED", { ...context, portalUrl: 'https://requests.example.org/portal?a=1&b="2"' }).html;
    expect(html).toContain('href="https://requests.example.org/portal?a=1&amp;b=&quot;2&quot;"');
    expect(() => renderNotification("COMPLETED", { ...context, confirmationNumber: "Jordan Sample" })).toThrow();
  });
});
