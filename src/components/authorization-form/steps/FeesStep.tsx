"use client";

import { useWatch } from "react-hook-form";
import { feeStatement } from "@/domain/labels";
import { PhoneLink } from "@/components/PhoneLink";
import { Checkbox } from "../fields";
import type { FormValues } from "../model";

/** Step 8: what this request may cost (RULES.md §1, §6). Fees are computed by staff later, never here. */
export function FeesStep() {
  const recipientKind = useWatch<FormValues, "recipient.kind">({ name: "recipient.kind" });
  const free = recipientKind === "MEDICAL_PROVIDER";
  return (
    <>
      {free ? (
        <div className="notice notice-success">
          <p className="notice-title">This request is expected to be free</p>
          <p>{feeStatement.provider}</p>
        </div>
      ) : (
        <div className="notice notice-info">
          <p className="notice-title">This request may have a fee</p>
          <p>{feeStatement.others}</p>
        </div>
      )}
      <h3>How fees work</h3>
      <ul>
        <li>{feeStatement.provider}</li>
        <li>{feeStatement.others}</li>
        <li>{feeStatement.invoice}</li>
      </ul>
      <p>
        Payment line: <PhoneLink line="payment" />.
      </p>
      <Checkbox name="signature.acknowledgeFees" label="I have read how fees work" />
    </>
  );
}
