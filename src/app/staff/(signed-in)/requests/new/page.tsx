import type { Metadata } from "next";
import Link from "next/link";
import { AuthorizationWizard } from "@/components/authorization-form/Wizard";
import { todayInChicago } from "@/domain/chicago";
import { requireStaffPage } from "@/server/staff/session";
import { keyPaperFormAction } from "./actions";

export const metadata: Metadata = { title: "Key in a paper form" };
export const dynamic = "force-dynamic";

/**
 * A signed paper authorization received by mail or fax, keyed in by staff (RULES.md §1): the
 * online form's wizard in paper mode — the same sections and rules, with the scan attached.
 */
export default async function KeyPaperFormPage() {
  await requireStaffPage("request.key_paper");
  // Keying-in day in Chicago, per request.
  const today = todayInChicago();
  return (
    <div className="container section stack">
      <p>
        <Link href="/staff">Back to the queue</Link>
      </p>
      <h1>Key in a paper form</h1>
      <p className="lead">
        An Authorization for Release of Health Information that came by mail or fax: attach the scan, then key in each section as written
        on the form. The request joins the queue, due 30 days after the day it arrived.
      </p>
      <AuthorizationWizard mode="paper" today={today} action={keyPaperFormAction} />
    </div>
  );
}
