import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthorizationForm } from "@/components/authorization-form/AuthorizationForm";
import { QuestionsLine } from "@/components/PhoneLink";
import { todayInChicago } from "@/domain/authorization-form";
import { requestedByLine, type ThirdPartyKind } from "@/domain/third-party";
import { feeFactsNow } from "@/server/fee-facts";
import { currentInvitation } from "@/server/third-party/invitations";
import { signInvitationAction } from "./actions";
import { IdentityForm } from "./IdentityForm";

export const metadata: Metadata = { title: "Sign an authorization an organisation asked for" };

/**
 * The patient's side of a third-party request: the link from the e-mail (exchanged for a cookie at
 * /sign/open), the date of birth, then who asked and what for, and the authorization naming the
 * organisation, signed with the same wizard and rules as the online form.
 */
export default async function SignPage() {
  await connection();
  const current = await currentInvitation();
  if (!current) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>The link has expired, was already used, or was tried too many times. Nothing was released.</p>
        <p>If an organisation still needs your records, ask it to send a new request, or sign the paper form.</p>
        <QuestionsLine />
      </>
    );
  }
  if (!current.verified) {
    return (
      <>
        <h1>Confirm it is you</h1>
        <p className="lead">An organisation has asked for copies of your medical records. To see the request, enter your date of birth.</p>
        <IdentityForm />
        <QuestionsLine />
      </>
    );
  }
  const { invitation } = current;
  const tp = invitation.thirdPartyRequester;
  const today = todayInChicago();
  // The fee estimate on the Fees step, as on the other doors (issue 13): without it the step showed none.
  const fees = await feeFactsNow();
  const prefill = {
    release: { source: "THIS_GROUP" },
    patient: { firstName: invitation.patientFirstName, lastName: invitation.patientLastName, dateOfBirth: invitation.patientDateOfBirth.toISOString().slice(0, 10), email: invitation.patientEmail },
    recipient: {
      kind: "THIRD_PARTY",
      name: tp.organization,
      address: { line1: tp.addressLine1, line2: tp.addressLine2 ?? "", city: tp.city, state: tp.state, postalCode: tp.postalCode },
      email: tp.email,
    },
    delivery: { method: "SECURE_EMAIL", email: tp.email, emailConfirm: tp.email },
  };
  return (
    <>
      <h1>Sign the authorization {tp.organization} asked for</h1>
      <div className="notice" role="region" aria-label="Who asked">
        <p>
          <strong>{requestedByLine(tp.kind as ThirdPartyKind, tp.organization)}</strong>, contact {tp.contactName}
          {tp.matterReference ? `, reference ${tp.matterReference}` : ""}.
        </p>
        <p>They ask for: {invitation.recordsRequested}</p>
        <p>Their purpose: {invitation.purpose}</p>
        <p>
          You decide what to release. You do not have to sign; if you do not, nothing is released. The records go to {tp.organization} by secure
          e-mail, and {tp.organization} is invoiced for them under the Illinois fee schedule and receives the updates on the request.
        </p>
      </div>
      <QuestionsLine />
      <AuthorizationForm today={today} action={signInvitationAction} prefill={prefill} draftKey={`sign-${invitation.id}`} fees={fees} fixedDelivery={{ organization: tp.organization, email: tp.email }} />
    </>
  );
}
