"use client";

import { ErrorContent } from "@/components/ErrorContent";
import { siteName } from "@/components/SiteChrome";

/** Errors below the root layout: the header and footer stay in place. Never shows the message. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <title>{`Something went wrong · ${siteName}`}</title>
      <ErrorContent error={error} onRetry={retry} />
    </>
  );
}
