import type { Metadata } from "next";
import Link from "next/link";
import { QuestionsLine } from "@/components/PhoneLink";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <>
      <h1>We can’t find that page</h1>
      <p className="lead">
        The address may be mistyped, or the page may have moved. If you followed a link from an e-mail, it may
        have expired.
      </p>
      <div className="actions">
        <Link className="button" href="/">
          Go to the home page
        </Link>
      </div>
      <QuestionsLine />
    </>
  );
}
