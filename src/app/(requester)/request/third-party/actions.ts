"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/server/client-address";
import { startThirdPartyRequest } from "@/server/third-party/invitations";

export type ThirdPartyFormState = { message?: string; fieldErrors?: Record<string, string[]>; confirmationNumber?: string };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** An organisation starts a request naming the patient: nothing trusted, everything re-parsed by the use case. */
export async function startThirdPartyAction(_: ThirdPartyFormState, formData: FormData): Promise<ThirdPartyFormState> {
  if (!(formData instanceof FormData)) return { message: "This form could not be sent. Reload the page and try again." };
  // PostgreSQL cannot store a NUL character in text: refuse the answer that has one, by name.
  const withNul = [...formData.entries()].filter(([, value]) => typeof value === "string" && value.includes("\u0000")).map(([name]) => name);
  if (withNul.length) return { message: "Please correct the highlighted answers.", fieldErrors: Object.fromEntries(withNul.map((name) => [name, ["Remove the invisible control character from this answer"]])) };
  const payload = {
    kind: text(formData, "kind") || undefined,
    organization: text(formData, "organization"),
    contactName: text(formData, "contactName"),
    email: text(formData, "email"),
    phone: text(formData, "phone"),
    address: {
      line1: text(formData, "address.line1"),
      line2: text(formData, "address.line2"),
      city: text(formData, "address.city"),
      state: text(formData, "address.state") || undefined,
      postalCode: text(formData, "address.postalCode"),
    },
    matterReference: text(formData, "matterReference"),
    patientFirstName: text(formData, "patientFirstName"),
    patientLastName: text(formData, "patientLastName"),
    patientDateOfBirth: text(formData, "patientDateOfBirth"),
    patientEmail: text(formData, "patientEmail"),
    recordsRequested: text(formData, "recordsRequested"),
    purpose: text(formData, "purpose"),
    understandsPatientSigns: formData.get("understandsPatientSigns") === "yes",
  };
  const result = await startThirdPartyRequest(payload, clientAddress(await headers()));
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  return { confirmationNumber: result.confirmationNumber };
}
