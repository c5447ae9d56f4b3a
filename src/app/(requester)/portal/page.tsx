import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PhoneLink } from "@/components/PhoneLink";
import { organization } from "@/domain/organization";
import { portalRequestId } from "@/server/portal/access";
import { PortalSignIn } from "./PortalForms";

export const metadata: Metadata = { title: "Check on your request" };
export const dynamic = "force-dynamic";

export default async function PortalSignInPage() {
  if (await portalRequestId()) redirect("/portal/request");
  return (
    <div className="container section stack">
      <h1>Check on your records request</h1>
      <p className="lead">
        See where your request stands, answer anything we asked for, see invoices, and download your records when they are sent by secure e-mail.
      </p>
      <p>
        Enter the confirmation number and the patient&apos;s date of birth. We send a 6-digit code to the e-mail address on file for the request.
      </p>
      <PortalSignIn />
      <p>
        No e-mail address on your request, or need help? Call Record Connect at <PhoneLink />, {organization.questionsHours}.
      </p>
    </div>
  );
}
