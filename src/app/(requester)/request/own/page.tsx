import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { todayInChicago } from "@/domain/chicago";
import { organization } from "@/domain/organization";
import { rightOfAccessStatements } from "@/domain/right-of-access";
import { QuestionsLine } from "@/components/PhoneLink";
import { AuthorizationWizard } from "@/components/authorization-form/Wizard";
import { feeFactsNow } from "@/server/fee-facts";
import { submitAuthorization } from "../actions";

export const metadata: Metadata = { title: "Get my own records" };

/**
 * The right-of-access door (issue 17; 45 CFR 164.524; docs/decisions/0018-right-of-access.md): the
 * patient, or their personal representative, asks for the patient's own records. The right is
 * stated before anything is asked; the form asks only what access needs.
 */
export default async function OwnRecordsPage() {
  await connection();
  const today = todayInChicago();
  const fees = await feeFactsNow();
  return (
    <>
      <h1>Get my own records</h1>
      <p className="lead">
        Ask {organization.name} for a copy of your own medical records — or, as a parent, guardian or other personal representative, the records of
        the patient you act for. About 10 questions; no reason needed.
      </p>
      <details className="details right-of-access">
        <summary>Your right to your records</summary>
        <ul>
          <li>{rightOfAccessStatements.what}</li>
          <li>{rightOfAccessStatements.form}</li>
          <li>{rightOfAccessStatements.speed}</li>
          <li>{rightOfAccessStatements.cost}</li>
          <li>{rightOfAccessStatements.notes}</li>
          <li>
            {rightOfAccessStatements.complaint}{" "}
            <a href={organization.hhsOcrComplaintUrl} target="_blank" rel="noopener noreferrer">
              How to file a complaint with HHS<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            .
          </li>
        </ul>
      </details>
      <p>
        Sending records to a doctor, attorney, insurer or anyone else? <Link href="/request">Send records to someone else</Link> instead.
      </p>
      <QuestionsLine />
      <AuthorizationWizard today={today} mode="access" action={submitAuthorization} fees={fees} />
    </>
  );
}
