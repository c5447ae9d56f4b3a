import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { keyPaperAuthorization } from "@/server/requests/key-paper-authorization";
import { readAuthorizationFormData } from "@/server/requests/form-data";
import { submitAuthorization } from "@/server/requests/submit-authorization";
import type { StaffIdentity } from "@/server/staff/auth";
import { fileOf, photoPng, samplePdf } from "../support/files";
import { validPaperForm, validPatientForm, validRepresentativeForm } from "../support/forms";
import { anyJson, hostileValue, mutatedForm } from "../support/fuzz";
import { testPrisma } from "./db";

/**
 * Fuzzing the intake use cases (SECURITY.md §19): hostile forms never throw, never answer
 * "something went wrong on our side", and write no row and no file.
 */
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const TIMEOUT = { timeout: 60_000 * RUNS };

async function filesOnDisk(): Promise<number> {
  try {
    return (await readdir(process.env.FILE_STORE_DIR!, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

function expectRefused(result: Awaited<ReturnType<typeof submitAuthorization>>, input: unknown) {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(input).slice(0, 500)}`);
  expect(result.message).not.toMatch(/on our side/);
}

describe("fuzzed submissions", () => {
  it("a valid form with values replaced by hostile ones is refused with field messages, and nothing is stored", TIMEOUT, async () => {
    const keys: string[] = [];
    const before = await filesOnDisk();
    const photo = fileOf(photoPng(), "id.png", "image/png");
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedForm(validPatientForm()), mutatedForm(validRepresentativeForm()), anyJson, hostileValue), async (payload) => {
        const key = randomUUID();
        keys.push(key);
        const result = await submitAuthorization({ payload, idempotencyKey: key, photoId: photo, authorityProof: [], clientKey: `fuzz-${key}`, clientToken: key });
        // A mutation can leave the form valid (e.g. an optional value set to undefined): that is fine.
        if (result.ok) return;
        expectRefused(result, payload);
      }),
      { numRuns: 400 * RUNS },
    );
    const stored = await prisma.authorizationRequest.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true } });
    // Only the (rare) mutations that left the form valid were stored; every file belongs to them.
    expect(await filesOnDisk()).toBeLessThanOrEqual(before + stored.length * 3);
  });

  it("hostile form data (wrong types for every field) never throws", TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("payload", "idempotencyKey", "photoId", "authorityProof", "paperFormScan", "other"), fc.oneof(fc.string(), fc.constant("x".repeat(700_000)), fc.constant(JSON.stringify(validPatientForm())))),
        fc.boolean(),
        async (fields, withFiles) => {
          const data = new FormData();
          for (const [k, v] of Object.entries(fields)) data.append(k, v);
          if (withFiles) data.append("photoId", fileOf(Buffer.from("not an image"), "x.png", "image/png"));
          const read = readAuthorizationFormData(data);
          const result = await submitAuthorization({ ...read, clientKey: `fuzz-${randomUUID()}`, clientToken: randomUUID() });
          if (result.ok) throw new Error("accepted");
          expect(result.message).not.toMatch(/on our side/);
        },
      ),
      { numRuns: 150 * RUNS },
    );
  });

  it("a paper form with hostile values is refused the same way", TIMEOUT, async () => {
    const user = await prisma.staffUser.create({ data: { email: `fuzz-${randomUUID()}@example.com`, name: "Fuzz Associate", role: "ASSOCIATE", passwordHash: "x" } });
    const staff: StaffIdentity = { id: user.id, email: user.email, name: user.name, role: "ASSOCIATE", sessionId: randomUUID() };
    const scan = fileOf(await samplePdf("Signed paper form"), "scan.pdf", "application/pdf");
    await fc.assert(
      fc.asyncProperty(mutatedForm(validPaperForm()), async (payload) => {
        const result = await keyPaperAuthorization(staff, { payload, idempotencyKey: randomUUID(), photoId: null, authorityProof: [], paperFormScan: scan });
        if (result.ok) return;
        expectRefused(result, payload);
      }),
      { numRuns: 150 * RUNS },
    );
  });
});
