/**
 * Demo data, idempotent: staff accounts (found by e-mail) and a handful of requests in different
 * states (found by their fixed idempotency keys). Every person here is fictional.
 */
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import type { Prisma } from "../src/generated/prisma/client.ts";
import { newConfirmationNumber } from "../src/domain/ids.ts";
import { dueDateFor } from "../src/domain/deadlines.ts";
import { addCalendarDays, chicagoDateTimeToUtc, todayInChicago } from "../src/domain/chicago.ts";
import { organization } from "../src/domain/organization.ts";
import { pickupInstructions } from "../src/domain/pickup.ts";
import { commitmentDueDate, DEFAULT_COMMITMENT_BUSINESS_DAYS } from "../src/domain/response-commitment.ts";

export const demoStaff = [
  { email: "admin@recordconnect.example", name: "Dana Admin", role: "ADMIN" },
  { email: "supervisor@recordconnect.example", name: "Sam Supervisor", role: "SUPERVISOR" },
  { email: "associate@recordconnect.example", name: "Alex Associate", role: "ASSOCIATE" },
  { email: "associate2@recordconnect.example", name: "Blake Associate", role: "ASSOCIATE" },
] as const;

const DAY = 24 * 60 * 60 * 1000;

type DemoRequest = Omit<Prisma.AuthorizationRequestCreateInput, "confirmationNumber" | "dueAt" | "idempotencyKey"> & {
  key: string;
  daysAgo: number;
  /** An urgent onsite pickup already agreed by phone: the call's note, written by the associate. */
  urgentPickup?: boolean;
};

/** Tomorrow at 10:00 AM in Chicago: the urgent pickup the demo data has scheduled. */
const urgentPickupAt = () => chicagoDateTimeToUtc(`${addCalendarDays(todayInChicago(), 1)}T10:00`)!;

/**
 * The wording of an urgent pickup as the associate gives it on the phone (RULES.md §1: "an
 * associate phones the patient to schedule an onsite pickup and gives instructions") — the same
 * facts the portal then shows (src/domain/pickup.ts).
 */
export function urgentPickupWording(at: Date): string {
  const p = pickupInstructions(at);
  return `Urgent onsite pickup agreed by phone: ${p.day}, ${p.window}, at ${organization.pickupPlace}. Told the patient to bring a government-issued photo ID; that an open invoice is paid beforehand by card over the phone at ${organization.paymentPhone} or by check, never cash; and that only the patient or the patient's legal representative may collect.`;
}

const patientBase = {
  patientPhone: "630-555-0100",
  patientAddressLine1: "100 Example Street",
  patientCity: "Naperville",
  patientState: "IL",
  patientPostalCode: "60540",
};

const demoRequests: DemoRequest[] = [
  {
    key: "demo-seed-1",
    daysAgo: 2,
    status: "SUBMITTED",
    ...patientBase,
    patientFirstName: "Jordan",
    patientLastName: "Sample",
    patientDateOfBirth: new Date("1984-03-14"),
    patientEmail: "jordan.sample@example.com",
    requesterKind: "PATIENT",
    recipientKind: "SELF",
    completeRecord: false,
    recordTypes: ["LAB_RESULTS", "VISIT_NOTES"],
    purpose: "At the request of the individual",
    expirationKind: "DATE",
    expirationDate: new Date("2027-11-30"),
    deliveryMethod: "SECURE_EMAIL",
    deliveryEmail: "jordan.sample@example.com",
    signerName: "Jordan Sample",
    signatureMethod: "TYPED",
    signedAt: new Date(),
  },
  {
    key: "demo-seed-2",
    daysAgo: 9,
    status: "IN_REVIEW",
    ...patientBase,
    patientFirstName: "Morgan",
    patientLastName: "Placeholder",
    patientDateOfBirth: new Date("1941-07-02"),
    requesterKind: "REPRESENTATIVE",
    representativeName: "Riley Placeholder",
    representativePhone: "630-555-0111",
    representativeEmail: "riley.placeholder@example.com",
    representativeAuthority: "HEALTH_CARE_POWER_OF_ATTORNEY",
    signerAuthorityStatement: "Agent under a health care power of attorney",
    recipientKind: "SELF",
    completeRecord: true,
    recordTypes: [],
    purpose: "Continuing care",
    expirationKind: "EVENT",
    expirationEvent: "When the records have been delivered",
    deliveryMethod: "MAIL",
    mailAddressLine1: "200 Sample Avenue",
    mailCity: "Wheaton",
    mailState: "IL",
    mailPostalCode: "60187",
    signerName: "Riley Placeholder",
    signatureMethod: "DRAWN",
    signedAt: new Date(),
  },
  {
    key: "demo-seed-3",
    daysAgo: 26,
    status: "DEFICIENT",
    ...patientBase,
    patientFirstName: "Casey",
    patientLastName: "Example",
    patientDateOfBirth: new Date("2015-10-21"),
    requesterKind: "REPRESENTATIVE",
    representativeName: "Taylor Example",
    representativePhone: "630-555-0122",
    representativeAuthority: "PARENT_OF_MINOR",
    signerAuthorityStatement: "Parent of the patient, a minor",
    recipientKind: "SELF",
    completeRecord: false,
    recordTypes: ["IMMUNIZATIONS"],
    purpose: "School enrollment",
    expirationKind: "DATE",
    expirationDate: new Date("2027-06-30"),
    deliveryMethod: "PICKUP",
    pickupPhone: "630-555-0122",
    pickupBestTimes: "Weekdays after 3 PM",
    signerName: "Taylor Example",
    signatureMethod: "TYPED",
    signedAt: new Date(),
  },
  {
    key: "demo-seed-4",
    daysAgo: 33,
    status: "VERIFIED",
    ...patientBase,
    patientFirstName: "Quinn",
    patientLastName: "Demo",
    patientDateOfBirth: new Date("1975-01-30"),
    patientEmail: "quinn.demo@example.com",
    requesterKind: "PATIENT",
    recipientKind: "THIRD_PARTY",
    recipientName: "Example & Partners LLP",
    recipientAddressLine1: "1 Example Plaza, Suite 500",
    recipientCity: "Chicago",
    recipientState: "IL",
    recipientPostalCode: "60601",
    recipientEmail: "records@example-partners.example",
    completeRecord: false,
    recordTypes: ["VISIT_NOTES", "IMAGING_REPORTS", "BILLING_RECORDS"],
    recordsFrom: new Date("2024-01-01"),
    recordsTo: new Date("2025-12-31"),
    purpose: "Legal",
    expirationKind: "DATE",
    expirationDate: new Date("2027-03-31"),
    deliveryMethod: "MAIL",
    mailAddressLine1: "1 Example Plaza, Suite 500",
    mailCity: "Chicago",
    mailState: "IL",
    mailPostalCode: "60601",
    signerName: "Quinn Demo",
    signatureMethod: "DRAWN",
    signedAt: new Date(),
    pageCount: 42,
  },
  {
    key: "demo-seed-5",
    daysAgo: 40,
    status: "COMPLETED",
    // Closed requests carry their closing time (a CHECK constraint ties it to the closed statuses).
    closedAt: new Date(Date.now() - 12 * DAY),
    ...patientBase,
    patientFirstName: "Avery",
    patientLastName: "Fictional",
    patientDateOfBirth: new Date("1990-12-05"),
    patientEmail: "avery.fictional@example.com",
    requesterKind: "PATIENT",
    recipientKind: "MEDICAL_PROVIDER",
    recipientName: "Example Family Clinic",
    recipientAddressLine1: "300 Clinic Road",
    recipientCity: "Downers Grove",
    recipientState: "IL",
    recipientPostalCode: "60515",
    recipientPhone: "630-555-0133",
    recipientFax: "630-555-0134",
    completeRecord: true,
    recordTypes: [],
    purpose: "Continuing care",
    expirationKind: "DATE",
    expirationDate: new Date("2026-12-31"),
    deliveryMethod: "MAIL",
    mailAddressLine1: "300 Clinic Road",
    mailCity: "Downers Grove",
    mailState: "IL",
    mailPostalCode: "60515",
    signerName: "Avery Fictional",
    signatureMethod: "TYPED",
    signedAt: new Date(),
    pageCount: 18,
  },
  {
    key: "demo-seed-6",
    daysAgo: 3,
    status: "PICKUP_SCHEDULED",
    ...patientBase,
    patientFirstName: "Rowan",
    patientLastName: "Urgentcase",
    patientDateOfBirth: new Date("1968-05-19"),
    patientEmail: "rowan.urgentcase@example.com",
    requesterKind: "PATIENT",
    recipientKind: "SELF",
    completeRecord: false,
    recordTypes: ["IMAGING_REPORTS", "VISIT_NOTES"],
    purpose: "At the request of the individual",
    expirationKind: "DATE",
    expirationDate: new Date("2027-12-31"),
    deliveryMethod: "PICKUP",
    pickupPhone: "630-555-0166",
    pickupBestTimes: "Urgent: needed for a specialist appointment this week; any time",
    signerName: "Rowan Urgentcase",
    signatureMethod: "TYPED",
    signedAt: new Date(),
    pageCount: 12,
    urgentPickup: true,
  },
];

export type SeedResult = { staffCreated: string[]; requestsCreated: number };

export async function seedDemoData(prisma: PrismaClient, staffPassword: string): Promise<SeedResult> {
  const staffCreated: string[] = [];
  const passwordHash = await hash(staffPassword);
  for (const s of demoStaff) {
    const existing = await prisma.staffUser.findUnique({ where: { email: s.email } });
    if (existing) continue;
    await prisma.staffUser.create({ data: { ...s, passwordHash } });
    staffCreated.push(s.email);
  }

  let requestsCreated = 0;
  const associate = await prisma.staffUser.findUniqueOrThrow({ where: { email: "associate@recordconnect.example" } });
  for (const { key, daysAgo, urgentPickup, ...data } of demoRequests) {
    const existing = await prisma.authorizationRequest.findUnique({ where: { idempotencyKey: key } });
    if (existing) continue;
    const receivedAt = new Date(Date.now() - daysAgo * DAY);
    await prisma.$transaction(async (tx) => {
      const request = await tx.authorizationRequest.create({
        data: {
          ...data,
          idempotencyKey: key,
          confirmationNumber: newConfirmationNumber(),
          receivedAt,
          signedAt: receivedAt,
          dueAt: dueDateFor(receivedAt),
          commitmentDueAt: commitmentDueDate(receivedAt, DEFAULT_COMMITMENT_BUSINESS_DAYS),
          // The completed demo request went out a week after it arrived (the dashboard's turnaround).
          ...(data.status === "COMPLETED" ? { releasedAt: new Date(receivedAt.getTime() + 7 * DAY) } : {}),
          statusChanges: { create: { toStatus: data.status ?? "SUBMITTED", note: "Demo data" } },
          ...(urgentPickup ? { pickupScheduledFor: urgentPickupAt() } : {}),
        },
      });
      if (urgentPickup)
        await tx.pickupCall.create({ data: { requestId: request.id, outcome: "REACHED_SCHEDULED", note: urgentPickupWording(request.pickupScheduledFor!), staffId: associate.id } });
      await tx.auditEvent.create({
        data: {
          actorType: "SYSTEM",
          actorId: "seed",
          actorRole: "system",
          action: "request.seeded",
          objectType: "AuthorizationRequest",
          objectId: request.id,
          requestId: request.id,
        },
      });
    });
    requestsCreated += 1;
  }
  return { staffCreated, requestsCreated };
}
