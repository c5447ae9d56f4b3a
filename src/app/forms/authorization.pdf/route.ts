import { PRINTABLE_FORMS } from "@/domain/printable-forms";
import { renderBlankAuthorizationPdf } from "@/server/pdf/blank-authorization-pdf";
import { responseCommitmentDays } from "@/server/settings";

export const dynamic = "force-dynamic";

/**
 * The blank paper form, printable and fillable on screen. Public: it holds no one's information,
 * so it opens inline in the browser's PDF viewer (where it can be filled in) rather than under the
 * download sandbox (docs/decisions/0019).
 */
export async function GET() {
  const bytes = await renderBlankAuthorizationPdf(await responseCommitmentDays());
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${PRINTABLE_FORMS.authorization.filename}"`,
      "Cache-Control": "public, max-age=600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
