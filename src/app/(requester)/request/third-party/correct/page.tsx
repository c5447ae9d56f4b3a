import type { Metadata } from "next";
import { QuestionsLine } from "@/components/PhoneLink";
import { currentCorrection } from "@/server/third-party/paper-uploads";
import { CorrectionForm } from "./CorrectionForm";

export const metadata: Metadata = { title: "Upload a corrected authorization" };
export const dynamic = "force-dynamic";

/**
 * Where the link in a deficiency notice lands (docs/decisions/0017): the reason staff gave, and a
 * field for the corrected scan. Only with the cookie the link set; the e-mail itself says nothing.
 */
export default async function CorrectionPage() {
  const upload = await currentCorrection();
  if (!upload) {
    return (
      <>
        <h1>Upload a corrected authorization</h1>
        <div className="notice notice-error" role="alert">
          <p>This link has expired or was already used. If you still need to send a corrected authorization, call Record Connect.</p>
        </div>
        <QuestionsLine />
      </>
    );
  }
  return (
    <>
      <h1>Upload a corrected authorization</h1>
      <p className="lead">
        We could not accept the signed authorization {upload.thirdPartyRequester.organization} uploaded for request{" "}
        <strong className="confirmation-number">{upload.confirmationNumber}</strong>.
      </p>
      <h2>What is wrong</h2>
      <p>{upload.deficiencyReason}</p>
      <QuestionsLine />
      <CorrectionForm />
    </>
  );
}
