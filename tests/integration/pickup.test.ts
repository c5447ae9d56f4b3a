import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffIdentity } from "@/server/staff/auth";
import { pickupInstructions } from "@/domain/pickup";
import { renderNotification } from "@/server/notifications/templates";
import { portalView } from "@/server/portal/portal";
import { recordPickup, schedulePickup } from "@/server/staff/release";
import { fileOf, samplePdf } from "../support/files";
import { validPatientForm, validRepresentativeForm } from "../support/forms";
import { testPrisma } from "./db";
import { lifecycle } from "./lifecycle-helpers";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const { v, staffMember, verified, readyToRelease } = lifecycle(prisma);
let associate: StaffIdentity;
beforeAll(async () => {
  associate = await staffMember();
});

async function scheduled(form = validPatientForm()) {
  form.delivery = { method: "PICKUP", phone: "630-555-0100", bestTimes: "mornings" };
  const id = await verified(associate, form);
  await readyToRelease(associate, id);
  expect(await schedulePickup(associate, id, await v(id), new Date(Date.now() + 2 * 86_400_000))).toEqual({ ok: true });
  return id;
}

describe("a pickup is collected only by someone the authorization names, with the ID seen recorded", () => {
  it("refuses a collector who is neither the requester nor the named recipient (nothing is typed freely)", async () => {
    const id = await scheduled();
    for (const collector of ["Some Stranger", "RECIPIENT", ""]) {
      const result = await recordPickup(associate, id, await v(id), { collector, idType: "DRIVERS_LICENSE", idLast4: "1234" });
      expect(result.ok).toBe(false);
    }
    expect(await prisma.disclosure.count({ where: { requestId: id } })).toBe(0);
    expect((await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PICKUP_SCHEDULED");
  });

  it("needs the kind of photo ID and the last 4 characters of its number", async () => {
    const id = await scheduled();
    expect((await recordPickup(associate, id, await v(id), { collector: "REQUESTER", idType: "LIBRARY_CARD", idLast4: "1234" })).ok).toBe(false);
    expect((await recordPickup(associate, id, await v(id), { collector: "REQUESTER", idType: "PASSPORT", idLast4: "12" })).ok).toBe(false);
  });

  it("a personal representative collects: the disclosure names the representative who collected, with the ID seen", async () => {
    const proof = fileOf(await samplePdf("Power of attorney"), "poa.pdf", "application/pdf");
    const form = validRepresentativeForm();
    form.delivery = { method: "PICKUP", phone: "630-555-0111", bestTimes: "afternoons" };
    const id = await verified(associate, form, [proof]);
    await readyToRelease(associate, id);
    expect(await schedulePickup(associate, id, await v(id), new Date(Date.now() + 2 * 86_400_000))).toEqual({ ok: true });
    expect(await recordPickup(associate, id, await v(id), { collector: "REQUESTER", idType: "STATE_ID", idLast4: "77ab" })).toEqual({ ok: true });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id }, include: { disclosures: true } });
    expect(r.pickedUpBy).toBe("Riley Placeholder");
    expect(r.pickupIdChecked).toBe("State ID card ending 77AB");
    expect(r.disclosures).toHaveLength(1);
    expect(r.disclosures[0]!.recipient).toBe("Riley Placeholder (the personal representative who signed), collected in person; State ID card ending 77AB checked");
  });

  it("the scheduled-pickup message says where, when the office is open, and what to bring", () => {
    const m = renderNotification("PICKUP_SCHEDULED", { confirmationNumber: "RC-7K3M-Q9PX", portalUrl: "https://example.org/portal" });
    expect(m.text).toContain("1100 West 31st Street, Suite 300, Downers Grove, IL 60515");
    expect(m.text).toMatch(/Monday–Friday, 8 AM–5 PM/);
    expect(m.text).toMatch(/government-issued photo ID/);
    expect(m.text).toMatch(/cash is never accepted/i);
    expect(m.text).toMatch(/proof of your authority/);
    expect(m.text).toContain("Only the patient or the patient's legal representative may collect the records");
    expect(m.html).toContain("Downers Grove");
  });

  it("the e-mail of a scheduled pickup carries no day or time (the portal shows them), and the portal view has what the page needs", async () => {
    const id = await scheduled();
    const note = await prisma.notification.findFirstOrThrow({ where: { requestId: id, template: "PICKUP_SCHEDULED" } });
    const r = await prisma.authorizationRequest.findUniqueOrThrow({ where: { id } });
    const m = renderNotification(note.template, { confirmationNumber: r.confirmationNumber, portalUrl: "https://example.org/portal" });
    const p = pickupInstructions(r.pickupScheduledFor!);
    expect(m.text).not.toContain(p.day);
    expect(m.text).not.toContain(p.window.split(" to ")[0]!);
    expect(m.text).toContain("sign in to see the day and the time window");
    const view = await portalView(id);
    expect(view?.pickupScheduledFor?.getTime()).toBe(r.pickupScheduledFor!.getTime());
  });
});
