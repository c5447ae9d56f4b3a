import "server-only";
import { DEFAULT_FEE_POLICY, type FeePolicy, HHS_FLAT_FEE_CAP_CENTS } from "@/domain/fees";
import { commitmentBusinessDays } from "@/domain/response-commitment";
import { db, type Tx } from "./db";

/**
 * The organization's policy settings (RULES.md "policy" lines), kept in the `Setting` table so
 * that they change without a release. A missing or malformed row falls back to the default.
 */
async function read(client: Tx | ReturnType<typeof db>, keys: string[]): Promise<Map<string, unknown>> {
  const rows = await client.setting.findMany({ where: { key: { in: keys } } });
  return new Map(rows.map((r) => [r.key, r.value]));
}

const cents = (value: unknown, fallback: number) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fallback);

export async function feePolicy(client: Tx | ReturnType<typeof db> = db()): Promise<FeePolicy> {
  const values = await read(client, ["fees.patientElectronicFlatCents", "fees.patientPageCents"]);
  return {
    // HHS's flat fee is at most $6.50: a larger setting is capped, never charged.
    patientElectronicFlatCents: Math.min(cents(values.get("fees.patientElectronicFlatCents"), DEFAULT_FEE_POLICY.patientElectronicFlatCents), HHS_FLAT_FEE_CAP_CENTS),
    patientPageCents: cents(values.get("fees.patientPageCents"), DEFAULT_FEE_POLICY.patientPageCents),
  };
}

/** Records to anyone but a medical provider wait until the invoice is paid (on unless set to false). */
export async function releaseRequiresPayment(client: Tx | ReturnType<typeof db> = db()): Promise<boolean> {
  const values = await read(client, ["releaseRequiresPayment"]);
  return values.get("releaseRequiresPayment") !== false;
}

/** Our response commitment in business days (docs/decisions/0020): 1 to 15, default 5. */
export async function responseCommitmentDays(client: Tx | ReturnType<typeof db> = db()): Promise<number> {
  const values = await read(client, [RESPONSE_COMMITMENT_KEY]);
  return commitmentBusinessDays(values.get(RESPONSE_COMMITMENT_KEY));
}

export const RESPONSE_COMMITMENT_KEY = "responseCommitment.businessDays";
