import { z } from "zod";
import { fileResponse, notFoundResponse } from "@/server/http";
import { accountingPdfForStaff } from "@/server/staff/accounting";
import { staffFor } from "@/server/staff/session";

export const dynamic = "force-dynamic";

/** The accounting of disclosures (45 CFR 164.528) for this request's patient, as a PDF; audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await staffFor("document.view");
  const id = z.uuid().safeParse((await params).id);
  const pdf = staff && id.success ? await accountingPdfForStaff(staff, id.data) : null;
  if (!pdf) return notFoundResponse();
  return fileResponse(pdf, "application/pdf", "accounting-of-disclosures.pdf");
}
