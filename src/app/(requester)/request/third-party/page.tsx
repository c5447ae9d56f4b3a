import type { Metadata } from "next";
import { QuestionsLine } from "@/components/PhoneLink";
import { organization } from "@/domain/organization";
import { ThirdPartyForm } from "./ThirdPartyForm";

export const metadata: Metadata = { title: "Request a patient's records for your organisation" };

/** Attorneys, insurers and other organisations: ask here, the patient signs online or on paper (docs/decisions/0013, 0017). */
export default function ThirdPartyRequestPage() {
  return (
    <>
      <h1>Request a patient&apos;s records for your organisation</h1>
      <p className="lead">
        For attorneys, insurance companies and other organisations asking {organization.name} for a patient&apos;s records. You do not sign for
        the patient: either we e-mail the patient a secure link to sign the authorization naming you as the recipient, or you upload an
        authorization the patient signed on paper, which our staff verify.
      </p>
      <QuestionsLine />
      <ThirdPartyForm />
    </>
  );
}
