"use server";

import { redirect } from "next/navigation";
import { staffFor } from "@/server/staff/session";
import { markPaperUploadDeficient } from "@/server/third-party/paper-uploads";

export type DeficientState = { message?: string; fieldErrors?: Record<string, string[]> };

/** Staff send an uploaded authorization back with a reason; the session and role are checked here and again by the use case. */
export async function markDeficientAction(_: DeficientState, formData: FormData): Promise<DeficientState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be read. Reload the page and try again." };
  const withNul = [...formData.entries()].filter(([, value]) => typeof value === "string" && value.includes("\u0000")).map(([name]) => name);
  if (withNul.length) return { message: "Please correct the highlighted answers.", fieldErrors: Object.fromEntries(withNul.map((name) => [name, ["Remove the invisible control character from this answer"]])) };
  const staff = await staffFor("request.key_paper");
  const uploadId = String(formData.get("uploadId") ?? "");
  const result = await markPaperUploadDeficient(staff, /^[0-9a-f-]{36}$/i.test(uploadId) ? uploadId : "00000000-0000-0000-0000-000000000000", {
    reason: formData.get("reason") ?? undefined,
    note: String(formData.get("note") ?? ""),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  redirect("/staff/paper-uploads?sentBack=1");
}
