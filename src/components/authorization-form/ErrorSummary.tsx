"use client";

import type { MouseEvent, Ref } from "react";
import { useTranslations } from "next-intl";
import { useProblemText } from "@/i18n/useProblemText";
import { fieldId, inFieldOrder } from "./model";

export type SummaryItem = { name: string; message: string };

function focusField(event: MouseEvent<HTMLAnchorElement>, name: string) {
  const target = document.getElementById(fieldId(name));
  if (!target) return;
  event.preventDefault();
  // Bring the question (label or legend) into view with the control, then focus the control.
  const context = target.closest("fieldset, .field") ?? target;
  context.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/**
 * "There is a problem": the step's errors, each a link that focuses its field. Focused (not a
 * live region) when shown, so screen readers read it once, after the attempt that caused it.
 */
export function ErrorSummary({ items, summaryRef }: { items: SummaryItem[]; summaryRef: Ref<HTMLDivElement> }) {
  const t = useTranslations("form");
  const text = useProblemText();
  if (items.length === 0) return null;
  return (
    <div className="error-summary" tabIndex={-1} ref={summaryRef}>
      <h2 id="error-summary-title" className="error-summary-title">
        {t("problemTitle")}
      </h2>
      <ul>
        {inFieldOrder(items).map((item) => (
          <li key={item.name}>
            <a href={`#${fieldId(item.name)}`} onClick={(e) => focusField(e, item.name)}>
              {text(item.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
