"use client";

import { useWatch } from "react-hook-form";
import { defaultMedium, feeRecipient } from "@/domain/fees";
import { feeStatement } from "@/domain/labels";
import { PhoneLink } from "@/components/PhoneLink";
import { FeeEstimateView } from "../FeeEstimate";
import { Checkbox } from "../fields";
import type { FormValues } from "../model";

/**
 * What this request may cost (RULES.md §1, §6): the estimate for this recipient and delivery, from
 * the calculator staff invoice with (issue 13; src/components/authorization-form/FeeEstimate.tsx).
 * A provider's records are priced free here: staff confirm the address is the provider's before
 * invoicing (decision 0005).
 */
export function FeesStep() {
  const [recipientKind, method] = useWatch<FormValues, ["recipient.kind", "delivery.method"]>({ name: ["recipient.kind", "delivery.method"] });
  return (
    <>
      {recipientKind && method ? (
        <FeeEstimateView recipient={feeRecipient(recipientKind, true)} medium={defaultMedium(method)} mailed={method === "MAIL"} />
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
