import type { Metadata } from "next";
import { QuestionsLine } from "@/components/PhoneLink";
import { NewLinkForm } from "../PortalForms";

export const metadata: Metadata = { title: "This link no longer works" };
export const dynamic = "force-dynamic";

const reasons = {
  expired: "This download link has expired.",
  revoked: "This download link was withdrawn.",
  used: "This download link was used as many times as it allows.",
  unknown: "This download link is not valid.",
} as const;

export default async function LinkExpiredPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const text = reasons[(reason ?? "unknown") as keyof typeof reasons] ?? reasons.unknown;
  return (
    <div className="container section stack">
      <h1>{text}</h1>
      <p className="lead">For your privacy, download links stop working after a while. We can send a new one to the e-mail address on file for your request.</p>
      <NewLinkForm />
      <p>
        You can also <a href="/portal">sign in with your confirmation number</a> to see your request.
      </p>
      <QuestionsLine />
    </div>
  );
}
