import type { Metadata } from "next";
import { connection } from "next/server";
import { todayInChicago } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import { QuestionsLine } from "@/components/PhoneLink";
import { AuthorizationWizard } from "@/components/authorization-form/Wizard";
import { submitAuthorization } from "./actions";

export const metadata: Metadata = { title: "Request your medical records" };

/** The online Authorization for Release of Health Information (RULES.md §1–§4). */
export default async function RequestPage() {
  // Signing day in Chicago, per request (never baked in at build time).
  await connection();
  const today = todayInChicago();
  return (
    <>
      <h1>Request your medical records</h1>
      <p className="lead">
        Fill in the Authorization for Release of Health Information to ask {organization.name} for copies of medical records — for
        yourself, or as a patient’s legal representative.
      </p>
      <p>
        Some information, like test results and visit summaries, is already in <strong>MyChart</strong>, the patient portal: you
        may not need to make a request for it.
      </p>
      <QuestionsLine />
      <AuthorizationWizard today={today} action={submitAuthorization} />
    </>
  );
}
