"use client";

import { useWatch } from "react-hook-form";
import { recipientKindLabels } from "@/domain/labels";
import { AddressFields, RadioGroup, TextField } from "../fields";
import type { FormValues } from "../model";

/** Step 4: who receives the records — the requester, another provider, or another person or organization. */
export function RecipientStep() {
  const kind = useWatch<FormValues, "recipient.kind">({ name: "recipient.kind" });
  return (
    <>
      <RadioGroup
        name="recipient.kind"
        legend="Who should receive the records?"
        options={[
          { value: "SELF", label: recipientKindLabels.SELF },
          { value: "MEDICAL_PROVIDER", label: recipientKindLabels.MEDICAL_PROVIDER, hint: "There is no charge when records go directly to a medical provider." },
          { value: "THIRD_PARTY", label: recipientKindLabels.THIRD_PARTY },
        ]}
      />
      {kind === "MEDICAL_PROVIDER" && (
        <>
          <h3>The medical provider</h3>
          <TextField name="recipient.name" label="Name of the doctor, hospital or clinic" autoComplete="off" />
          <AddressFields prefix="recipient.address" legend="The provider’s address" autoComplete="off" />
          <TextField name="recipient.phone" label="The provider’s phone number" type="tel" autoComplete="off" className="input-medium" />
          <TextField name="recipient.fax" label="The provider’s fax number (optional)" type="tel" autoComplete="off" className="input-medium" />
        </>
      )}
      {kind === "THIRD_PARTY" && (
        <>
          <h3>The person or organization</h3>
          <TextField name="recipient.name" label="Name of the person or organization" hint="For example a law firm or an insurance company, and the person to send to there." autoComplete="off" />
          <AddressFields prefix="recipient.address" legend="Their address" autoComplete="off" />
          <TextField name="recipient.email" label="Their e-mail address (optional)" type="email" autoComplete="off" spellCheck={false} />
        </>
      )}
    </>
  );
}
