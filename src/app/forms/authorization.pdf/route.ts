import { getLocale } from "next-intl/server";
import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { renderBlankAuthorizationPdf } from "@/server/pdf/blank-authorization-pdf";
import { responseCommitmentDays } from "@/server/settings";

export const dynamic = "force-dynamic";

/**
 * The blank paper form, printable and fillable on screen. Public: it holds no one's information,
 * so it opens inline in the browser's PDF viewer (where it can be filled in) rather than under the
 * download sandbox (docs/decisions/0019). In the page's language: /es/forms/… is the Spanish form.
 */
export async function GET() {
  const locale = await getLocale();
  const bytes = await renderBlankAuthorizationPdf(await responseCommitmentDays(), locale);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${locale === "es" ? PRINTABLE_FORMS.authorization.filenameEs : PRINTABLE_FORMS.authorization.filename}"`,
      "Cache-Control": "public, max-age=600",
      "X-Content-Type-Options": "nosniff",
      // Without the /es prefix the language can come from the cookie or Accept-Language (decision 0023).
      Vary: "Accept-Language, Cookie",
    },
  });
}
