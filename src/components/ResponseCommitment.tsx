import { responseCommitmentText } from "@/domain/response-commitment";
import { responseCommitmentDays } from "@/server/settings";

/**
 * Our response commitment in one line, as the setting says it today (docs/decisions/0020), e.g.
 * "We aim to send your records within 5 business days; the law allows us up to 30 days."
 */
export async function ResponseCommitment() {
  return <p className="response-commitment">{responseCommitmentText(await responseCommitmentDays())}</p>;
}
