import type { Metadata } from "next";
import { MAX_COMMITMENT_BUSINESS_DAYS, MIN_COMMITMENT_BUSINESS_DAYS, responseCommitmentText } from "@/domain/response-commitment";
import { responseCommitmentDays } from "@/server/settings";
import { requireStaffPage } from "@/server/staff/session";
import { CommitmentForm } from "./CommitmentForm";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

/** The organisation's policies that change without a release (administrators). */
export default async function SettingsPage() {
  await requireStaffPage("settings.manage");
  const days = await responseCommitmentDays();
  return (
    <div className="container section stack">
      <h1>Settings</h1>
      <section aria-labelledby="commitment-heading" className="stack">
        <h2 id="commitment-heading">Response commitment</h2>
        <p>
          What we promise requesters, shorter than the law&apos;s 30 days. The site and the paper form say: “{responseCommitmentText(days)}” Each request keeps the commitment it
          arrived with; staff see it in the queue beside the legal due date.
        </p>
        <CommitmentForm current={days} min={MIN_COMMITMENT_BUSINESS_DAYS} max={MAX_COMMITMENT_BUSINESS_DAYS} />
      </section>
    </div>
  );
}
