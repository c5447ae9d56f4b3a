import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { renderOwnRecordsPdf } from "@/server/pdf/own-records-pdf";
import { feePolicy, responseCommitmentDays } from "@/server/settings";

export const dynamic = "force-dynamic";

/**
 * The blank "Request for access to my own health records" (45 CFR 164.524), printable and
 * fillable on screen, with the fee for the patient's own copy as the organization's policy sets it
 * today. Public: it holds no one's information (docs/decisions/0019).
 */
export async function GET() {
  const bytes = await renderOwnRecordsPdf(await feePolicy(), await responseCommitmentDays());
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${PRINTABLE_FORMS.ownRecords.filename}"`,
      "Cache-Control": "public, max-age=600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
