import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { organization } from "@/domain/organization";
import { listMailbox, type MailboxMessage } from "@/server/mailbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Development mailbox",
  robots: { index: false, follow: false },
};

const timeFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: organization.timeZone,
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
});

/**
 * Mail caught by the local SMTP server, for development and demos. Bodies are shown as text only:
 * the HTML part is never rendered as HTML.
 */
export default async function MailboxPage() {
  const messages = await listMailbox();
  if (messages === null) notFound();

  return (
    <>
      <h1>Development mailbox</h1>
      <div className="notice notice-warning">
        <p>
          This page shows the e-mail caught by the local development SMTP server instead of being delivered. It is
          off unless <code>MAILBOX_ENABLED=true</code>, and then open only to a signed-in administrator or a browser on
          the server&apos;s own machine.
        </p>
      </div>

      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <>
          <p className="muted">
            {messages.length} {messages.length === 1 ? "message" : "messages"}, newest first. Times are Central Time.
          </p>
          <ol className="mailbox-list" aria-label="Messages, newest first">
            {messages.map((message, index) => (
              <li key={message.id}>
                <MessageCard message={message} headingId={`message-${index + 1}`} />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function MessageCard({ message, headingId }: { message: MailboxMessage; headingId: string }) {
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{message.subject}</h2>
      <dl className="summary-list">
        <dt>Received</dt>
        <dd>
          <ReceivedAt date={message.receivedAt} />
        </dd>
        <dt>To</dt>
        <dd>{message.to.length > 0 ? message.to.join(", ") : "(none)"}</dd>
        <dt>From</dt>
        <dd>{message.from || "(none)"}</dd>
      </dl>
      <details>
        <summary>Text body</summary>
        <pre>{message.text || "(empty)"}</pre>
      </details>
      {message.html !== null ? (
        <details>
          <summary>HTML source (shown as text, not rendered)</summary>
          <pre>{message.html}</pre>
        </details>
      ) : null}
    </article>
  );
}

function ReceivedAt({ date }: { date: Date }) {
  if (Number.isNaN(date.getTime())) return <>Unknown</>;
  return <time dateTime={date.toISOString()}>{timeFormat.format(date)}</time>;
}
