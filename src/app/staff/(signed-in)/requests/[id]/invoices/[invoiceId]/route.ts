import { z } from "zod";
import { invoicePdfForStaff } from "@/server/staff/invoices";
import { staffFor } from "@/server/staff/session";

export const dynamic = "force-dynamic";
const ids = z.object({ id: z.uuid(), invoiceId: z.uuid() });

/** An invoice as a PDF, for staff allowed to see documents; each open is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; invoiceId: string }> }) {
  const staff = await staffFor("document.view");
  const parsed = ids.safeParse(await params);
  const pdf = staff && parsed.success ? await invoicePdfForStaff(staff, parsed.data.id, parsed.data.invoiceId) : null;
  if (!pdf) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdf.number.toLowerCase()}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
