import type { Metadata } from "next";
import Link from "next/link";
import { PhoneLink } from "@/components/PhoneLink";
import { accessibilityStatement as s } from "@/domain/accessibility-statement";
import { organization } from "@/domain/organization";

export const metadata: Metadata = { title: s.title };

/**
 * The accessibility statement (issue 15 §4): the WCAG 2.2 AA target, what is tested and how, what
 * is known not to meet it, and how to get help or another format. Its words live in
 * src/domain/accessibility-statement.ts, one sentence per entry, ready for the message catalogue.
 */
export default function AccessibilityPage() {
  return (
    <article className="stack">
      <h1>{s.title}</h1>
      <p className="lead">{s.intro}</p>

      <section aria-labelledby="a11y-help">
        <h2 id="a11y-help">{s.help.heading}</h2>
        <p>
          {s.help.call} <PhoneLink />, {organization.questionsHours}. {s.help.relay}
        </p>
        <p>{s.help.paper}</p>
        <p>
          {organization.mailingAddress.map((line, i) => (
            <span key={line}>
              {i > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      </section>

      <section aria-labelledby="a11y-formats">
        <h2 id="a11y-formats">{s.formats.heading}</h2>
        <p>{s.formats.intro}</p>
        <ul>
          {s.formats.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>
          {s.formats.paperFormBefore} <Link href="/#paper-form">{s.formats.paperFormLink}</Link>
          {s.formats.paperFormAfter}
        </p>
      </section>

      <section aria-labelledby="a11y-target">
        <h2 id="a11y-target">{s.target.heading}</h2>
        <p>{s.target.standard}</p>
        <p>{s.target.status}</p>
      </section>

      <section aria-labelledby="a11y-tested">
        <h2 id="a11y-tested">{s.tested.heading}</h2>
        <p>{s.tested.intro}</p>
        <ul>
          {s.tested.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>{s.tested.notDone}</p>
      </section>

      <section aria-labelledby="a11y-limits">
        <h2 id="a11y-limits">{s.limits.heading}</h2>
        <ul>
          {s.limits.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">{s.feedback.heading}</h2>
        <p>
          {s.feedback.call} <PhoneLink />. {s.feedback.answer}
        </p>
        <p>
          {s.feedback.complaint} <a href={s.feedback.complaintUrl}>{s.feedback.complaintLink}</a>.
        </p>
      </section>

      <p className="muted">
        {s.reviewed} <time dateTime={s.reviewedOn}>{s.reviewedOnText}</time>.
      </p>
    </article>
  );
}
