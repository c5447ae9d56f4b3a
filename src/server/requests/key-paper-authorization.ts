import "server-only";
import { can } from "@/domain/staff-access";
import type { StaffIdentity } from "../staff/auth";
import { intakeAuthorization, type IntakeInput, type IntakeResult } from "./submit-authorization";

export const NOT_ALLOWED_TO_KEY =
  "You are not signed in (your session may have ended), or your role may not key in paper forms. Sign in again in another tab of this browser, then come back to this tab and save again: your answers are still here.";

/**
 * A signed paper authorization (received by mail or fax), keyed in by a staff member: the same
 * checks, files and single transaction as an online submission (intakeAuthorization), with the
 * scan of the signed form stored as its legal original, the receipt date starting the 30-day
 * clock, and the staff member as the actor of record. Refused, with nothing stored, without a
 * staff member allowed to key paper forms in — checked here, whatever the caller did.
 */
export async function keyPaperAuthorization(staff: StaffIdentity | null, input: IntakeInput): Promise<IntakeResult> {
  if (!staff || !can(staff.role, "request.key_paper")) return { ok: false, kind: "refused", message: NOT_ALLOWED_TO_KEY };
  return intakeAuthorization({ source: "PAPER", staff }, input);
}
