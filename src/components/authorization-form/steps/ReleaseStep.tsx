"use client";

import { useWatch } from "react-hook-form";
import { EDWARD_ELMHURST_MESSAGE, RECORDS_TO_THIS_GROUP_MESSAGE } from "@/domain/authorization-form";
import { QuestionsLine } from "@/components/PhoneLink";
import { RadioGroup } from "../fields";
import type { FormValues } from "../model";

/** Step 1: what you need, MyChart, and whose records — the two requests this form cannot take end here. */
export function ReleaseStep() {
  const source = useWatch<FormValues, "release.source">({ name: "release.source" });
  const refusal =
    source === "EDWARD_ELMHURST" ? EDWARD_ELMHURST_MESSAGE : source === "TO_THIS_GROUP_FROM_ELSEWHERE" ? RECORDS_TO_THIS_GROUP_MESSAGE : null;
  return (
    <>
      <div className="notice notice-info">
        <p className="notice-title">You may not need to make a request</p>
        <p>
          Some information, like test results, visit summaries and immunizations, is already in the patient portal,{" "}
          <strong>MyChart</strong>. Sign in to MyChart to see, download or print it.
        </p>
      </div>
      <h3>Before you start</h3>
      <ul>
        <li>You need a photo or scan of a government-issued photo ID, such as a driver’s license, state ID or passport.</li>
        <li>
          If you are asking for someone else, you also need proof of your legal authority, such as a guardianship order or a power
          of attorney for health care.
        </li>
        <li>Your answers are kept in this browser tab until you submit, so reloading the page does not lose them.</li>
      </ul>
      <RadioGroup
        name="release.source"
        legend="Whose records are you asking for?"
        options={[
          { value: "THIS_GROUP", label: "Records held by DuPage Medical Group (all locations)" },
          { value: "EDWARD_ELMHURST", label: "Records of Edward-Elmhurst Healthcare" },
          { value: "TO_THIS_GROUP_FROM_ELSEWHERE", label: "Records sent to DuPage Medical Group from another facility" },
        ]}
      />
      <div aria-live="polite">
        {refusal && (
          <div className="notice notice-warning">
            <p className="notice-title">We can’t take this request here</p>
            <p>{refusal}</p>
            <QuestionsLine />
          </div>
        )}
      </div>
    </>
  );
}
