import { z } from "zod";
import { invoicePdfForStaff } from "@/server/staff/invoices";
import { staffFor } from "@/server/staff/session";

import { fileResponse, notFoundResponse } from "@/server/http";

export const dynamic = "force-dynamic";
const ids = z.object({ id: z.uuid(), invoiceId: z.uuid() });

/** An invoice as a PDF, for staff allowed to see documents; each open is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; invoiceId: string }> }) {
  const staff = await staffFor("document.view");
  const parsed = ids.safeParse(await params);
  const pdf = staff && parsed.success ? await invoicePdfForStaff(staff, parsed.data.id, parsed.data.invoiceId) : null;
  if (!pdf) return notFoundResponse();
  return fileResponse(pdf.bytes, "application/pdf", `${pdf.number.toLowerCase()}.pdf`);
}
