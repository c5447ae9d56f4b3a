import { getTranslations } from "next-intl/server";
import { commitmentBusinessDays } from "@/domain/response-commitment";
import { RESPONSE_DAYS } from "@/domain/deadlines";
import { isConnectionError, markDatabaseUnavailable } from "@/server/database-availability";
import { responseCommitmentDays } from "@/server/settings";

/**
 * Our response commitment in one line, as the setting says it today (docs/decisions/0020), e.g.
 * "We aim to send your records within 5 business days; the law allows us up to 30 days."
 * The public pages must not fail on it: when the database cannot be reached the line is left out
 * (never a number that may not be the setting's) and the outage is marked, so the next request
 * gets the 503 page with its retry hint (SECURITY.md §18) instead of this one getting a 500.
 */
export async function ResponseCommitment() {
  let days: number;
  try {
    days = await responseCommitmentDays();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    markDatabaseUnavailable();
    return null;
  }
  const t = await getTranslations("rightOfAccess");
  return <p className="response-commitment">{t("commitment", { days: commitmentBusinessDays(days), legalDays: RESPONSE_DAYS })}</p>;
}
