"use client";

import { useActionState } from "react";
import { type ScheduleFormState, saveScheduleAction } from "./actions";

const fields = [
  ["year", "Year (the figures take effect on 20 January of it)", "input-short"],
  ["handling", "Handling charge per request, in dollars", "input-short"],
  ["pages1To25", "Pages 1–25, each, in dollars", "input-short"],
  ["pages26To50", "Pages 26–50, each, in dollars", "input-short"],
  ["pagesOver50", "Pages over 50, each, in dollars", "input-short"],
  ["microformPage", "Copies from microfiche or microfilm, each, in dollars", "input-short"],
  ["electronicPercent", "Electronic records: percent of the paper per-page charge", "input-short"],
] as const;

/** An administrator enters a year's schedule as the Comptroller published it. */
export function ScheduleForm({ nextYear }: { nextYear: number }) {
  const [state, action, pending] = useActionState(saveScheduleAction, {} as ScheduleFormState);
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={action} className="stack" aria-busy={pending} aria-label="Enter a year's fee schedule">
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.done ? (
        <div className="notice" role="status">
          <p>Saved.</p>
        </div>
      ) : null}
      {fields.map(([name, label, className]) => (
        <div className="field" key={name}>
          <label htmlFor={`schedule-${name}`}>{label}</label>
          {error(name) ? (
            <p className="field-error" id={`schedule-${name}-error`}>
              {error(name)}
            </p>
          ) : null}
          <input
            id={`schedule-${name}`}
            name={name}
            required
            inputMode="decimal"
            className={className}
            defaultValue={name === "year" ? String(nextYear) : name === "electronicPercent" ? "50" : ""}
            aria-invalid={error(name) ? true : undefined}
            aria-describedby={error(name) ? `schedule-${name}-error` : undefined}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor="schedule-source">Source: the Comptroller&apos;s publication (title and web address)</label>
        {error("source") ? (
          <p className="field-error" id="schedule-source-error">
            {error("source")}
          </p>
        ) : null}
        <textarea id="schedule-source" name="source" rows={2} required aria-invalid={error("source") ? true : undefined} aria-describedby={error("source") ? "schedule-source-error" : undefined} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          Save the schedule
        </button>
      </div>
    </form>
  );
}
