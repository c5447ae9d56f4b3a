import type { Metadata } from "next";
import { connection } from "next/server";
import { todayInChicago } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import { QuestionsLine } from "@/components/PhoneLink";
import { AuthorizationWizard } from "@/components/authorization-form/Wizard";
import Link from "next/link";
import { feeFactsNow } from "@/server/fee-facts";
import { submitAuthorization } from "./actions";

export const metadata: Metadata = { title: "Send records to someone else" };

/** The online Authorization for Release of Health Information (RULES.md §1–§4). */
export default async function RequestPage() {
  // Signing day in Chicago, per request (never baked in at build time).
  await connection();
  const today = todayInChicago();
  const fees = await feeFactsNow();
  return (
    <>
      <h1>Send records to someone else</h1>
      <p className="lead">
        Fill in the Authorization for Release of Health Information to have {organization.name} send copies of medical records to another
        doctor, an attorney, an insurer or anyone else — signed by the patient, or by the patient’s legal representative.
      </p>
      <div className="notice notice-info">
        <p>
          <strong>Want your own records?</strong> <Link href="/request/own">Get my own records</Link> asks fewer questions: no purpose, no expiry
          date and no initials — it is your right.
        </p>
      </div>
      <p>
        Some information, like test results and visit summaries, is already in <strong>MyChart</strong>, the patient portal: you
        may not need to make a request for it.
      </p>
      <QuestionsLine />
      <AuthorizationWizard today={today} action={submitAuthorization} fees={fees} />
    </>
  );
}
