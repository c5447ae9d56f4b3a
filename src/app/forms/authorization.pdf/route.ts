import { renderBlankAuthorizationPdf } from "@/server/pdf/blank-authorization-pdf";

/** The blank paper form, printable. Public: it holds no one's information. */
export async function GET() {
  const bytes = await renderBlankAuthorizationPdf();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'inline; filename="authorization-for-release-of-health-information.pdf"',
      "Cache-Control": "public, max-age=3600",
    },
  });
}
