"use server";

import { uploadCorrectedScan } from "@/server/third-party/paper-uploads";

export type CorrectionState = { message?: string; fieldErrors?: Record<string, string[]>; confirmationNumber?: string };

/** The organisation's corrected scan; only with the cookie the e-mailed link set (checked by the use case). */
export async function uploadCorrectionAction(_: CorrectionState, formData: FormData): Promise<CorrectionState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  const scan = formData.get("scan");
  const result = await uploadCorrectedScan(scan instanceof File && scan.size > 0 ? scan : null);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  return { confirmationNumber: result.confirmationNumber };
}
