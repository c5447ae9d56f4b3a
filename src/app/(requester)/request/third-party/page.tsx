import type { Metadata } from "next";
import { QuestionsLine } from "@/components/PhoneLink";
import { organization } from "@/domain/organization";
import { ThirdPartyForm } from "./ThirdPartyForm";

export const metadata: Metadata = { title: "Request a patient's records for your organisation" };

/** Attorneys, insurers and other organisations: ask here, the patient signs (docs/decisions/0013). */
export default function ThirdPartyRequestPage() {
  return (
    <>
      <h1>Request a patient&apos;s records for your organisation</h1>
      <p className="lead">
        For attorneys, insurance companies and other organisations asking {organization.name} for a patient&apos;s records. You do not sign for
        the patient: we e-mail the patient a secure link to sign the authorization naming you as the recipient.
      </p>
      <QuestionsLine />
      <ThirdPartyForm />
    </>
  );
}
