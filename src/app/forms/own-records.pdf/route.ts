import { getLocale } from "next-intl/server";
import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { renderOwnRecordsPdf } from "@/server/pdf/own-records-pdf";
import { feePolicy, responseCommitmentDays } from "@/server/settings";

export const dynamic = "force-dynamic";

/**
 * The blank "Request for access to my own health records" (45 CFR 164.524), printable and
 * fillable on screen, with the fee for the patient's own copy as the organization's policy sets it
 * today. Public: it holds no one's information (docs/decisions/0019). In the page's language:
 * /es/forms/… is the Spanish form.
 */
export async function GET() {
  const locale = await getLocale();
  const bytes = await renderOwnRecordsPdf(await feePolicy(), await responseCommitmentDays(), locale);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${locale === "es" ? PRINTABLE_FORMS.ownRecords.filenameEs : PRINTABLE_FORMS.ownRecords.filename}"`,
      "Cache-Control": "public, max-age=600",
      "X-Content-Type-Options": "nosniff",
      // Without the /es prefix the language can come from the cookie or Accept-Language (decision 0023).
      Vary: "Accept-Language, Cookie",
    },
  });
}
