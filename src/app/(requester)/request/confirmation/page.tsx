import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/domain/format";
import { deliveryMethodLabels } from "@/domain/labels";
import { organization } from "@/domain/organization";
import { accessFormatLabels } from "@/domain/right-of-access";
import { PhoneLink, QuestionsLine } from "@/components/PhoneLink";
import { RefreshWhilePending } from "@/components/RefreshWhilePending";
import { ResponseCommitment } from "@/components/ResponseCommitment";
import { confirmationView, requestFromReceipt } from "@/server/requests/confirmation";

export const metadata: Metadata = { title: "Request received" };
export const dynamic = "force-dynamic";

const nextSteps = {
  SECURE_EMAIL: [
    "A Record Connect associate reviews your request and checks your ID (and proof of authority, if you are a representative).",
    "If anything is missing, we contact you.",
    "When the records are ready, we send an e-mail to the address you gave with a link to a secure download page. The e-mail never contains records.",
  ],
  MAIL: [
    "A Record Connect associate reviews your request and checks your ID (and proof of authority, if you are a representative).",
    "If anything is missing, we contact you.",
    "We mail the records to the address you gave, and let you know when they are on their way.",
  ],
  PICKUP: [
    "A Record Connect associate reviews your request and checks your ID (and proof of authority, if you are a representative).",
    "When the records are ready, an associate calls you at the number you gave to schedule the pickup and explain where to go.",
    "Bring a government-issued photo ID to the pickup: we check it before handing over the records.",
  ],
} as const;

export default async function ConfirmationPage() {
  const requestId = await requestFromReceipt();
  const view = requestId ? await confirmationView(requestId) : null;

  if (!view) {
    return (
      <div className="container section stack">
        <h1>Your confirmation</h1>
        <p className="lead">
          This page is shown only in the browser that just submitted a request, for a short time afterwards.
        </p>
        <p>
          If you submitted a request, keep the confirmation number you were given. To ask about a request, call Record Connect at <PhoneLink />,{" "}
          {organization.questionsHours}.
        </p>
        <p>
          <Link href="/">Go to the home page</Link>
        </p>
      </div>
    );
  }

  const access = view.requestKind === "ACCESS";
  const fees =
    access
      ? `The fee for your own copy is the one you saw before sending: at most a flat $6.50 for an electronic copy, or the cost of copying for paper. If there is a fee, we send an invoice before releasing the records. Pay by credit card over the phone at ${organization.paymentPhone}, or by check. Cash is never accepted.`
      : view.recipientKind === "MEDICAL_PROVIDER"
      ? "There is no charge, because the records go directly to another medical provider."
      : `If there is a fee, we send an invoice summarizing the charges before releasing the records. Pay by credit card over the phone at ${organization.paymentPhone}, or by check mailed to the address on the invoice. Cash is never accepted.`;

  return (
    <div className="container section stack">
      <div className="notice notice-success" role="status">
        <h1 className="notice-title">Your request has been received</h1>
        <p>
          Your confirmation number is <strong className="confirmation-number">{view.confirmationNumber}</strong>. Please keep it: you need it to
          ask about your request.
        </p>
      </div>

      <dl className="summary-list">
        <div>
          <dt>Received</dt>
          <dd>{formatDate(view.receivedAt)}</dd>
        </div>
        <div>
          <dt>We will respond by</dt>
          <dd>{formatDate(view.dueAt)}</dd>
        </div>
        {access && view.accessFormat ? (
          <div>
            <dt>Form and format</dt>
            <dd>{accessFormatLabels[view.accessFormat].label}</dd>
          </div>
        ) : null}
        <div>
          <dt>Delivery method</dt>
          <dd>{deliveryMethodLabels[view.deliveryMethod].label}</dd>
        </div>
      </dl>
      <ResponseCommitment />

      <section aria-labelledby="next-heading" className="stack">
        <h2 id="next-heading">What happens next</h2>
        <ol>
          {nextSteps[view.deliveryMethod].map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p>
          The law gives us {organization.responseDays} days to respond. If we need more time, we tell you in writing why, and when to expect the
          records (one extension of up to 30 days is allowed).
        </p>
        {view.notifiedByEmail ? <p>We are also sending an e-mail that confirms we received your request. It contains no health information.</p> : null}
        <p>{fees}</p>
        <p>
          Check on your request at any time: <Link href="/portal">sign in with your confirmation number</Link> and the patient&apos;s date of birth;
          we send a one-time code to the e-mail address on the request.
        </p>
      </section>

      <section aria-labelledby="copy-heading" className="stack">
        <h2 id="copy-heading">{access ? "Your copy of your request" : "Your copy of the authorization"}</h2>
        {view.signedPdfReady ? (
          <>
            <p>{access ? "Download the request you signed, as a PDF, and keep it for your records." : "Download the authorization you signed, as a PDF, and keep it for your records."}</p>
            <p>
              <a className="button" href="/request/confirmation/authorization.pdf" download>
                {access ? "Download your signed request (PDF)" : "Download your signed authorization (PDF)"}
              </a>
            </p>
          </>
        ) : (
          <p role="status">
            {access ? "Your signed request" : "Your signed authorization"} is being prepared as a PDF. The download link appears here in a moment.
            <RefreshWhilePending />
          </p>
        )}
        <p className="muted small">For your privacy this page is available only for a short time in this browser.</p>
      </section>

      <p>Some of your information, such as test results and visit summaries, is available any time in MyChart.</p>
      <QuestionsLine />
    </div>
  );
}
