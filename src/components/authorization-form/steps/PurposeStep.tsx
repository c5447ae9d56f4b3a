"use client";

import { useWatch } from "react-hook-form";
import { PURPOSES } from "@/domain/authorization-form";
import { formatIsoDate } from "@/domain/format";
import { purposeLabels } from "@/domain/labels";
import { RadioGroup, TextField } from "../fields";
import type { FormValues } from "../model";

/** Step 6: the purpose of the release (RULES.md §2.4) and when the authorization ends (§2.5). */
export function PurposeStep({ suggestedExpiration }: { suggestedExpiration: string }) {
  const [purpose, expirationKind] = useWatch<FormValues, ["purpose.purpose", "expiration.kind"]>({ name: ["purpose.purpose", "expiration.kind"] });
  return (
    <>
      <RadioGroup
        name="purpose.purpose"
        legend="Why are the records being released?"
        hint="If you are asking for your own copy, choose the first answer."
        options={PURPOSES.map((p) => ({ value: p, label: purposeLabels[p] }))}
      />
      {purpose === "OTHER" && <TextField name="purpose.purposeOther" label="Describe the purpose" />}

      <RadioGroup
        name="expiration.kind"
        legend="When does this authorization end?"
        hint="After it ends, nothing more is released under it. Mental health records need an end date (Illinois law, 740 ILCS 110/5)."
        options={[
          { value: "DATE", label: "On a date" },
          { value: "EVENT", label: "When an event happens" },
        ]}
      />
      {expirationKind === "DATE" && (
        <TextField
          name="expiration.date"
          label="End date"
          type="date"
          className="input-medium"
          hint={`We suggest one year from today: ${formatIsoDate(suggestedExpiration)}. It can be up to 10 years.`}
        />
      )}
      {expirationKind === "EVENT" && (
        <TextField name="expiration.event" label="The event that ends this authorization" hint="For example: when my insurance claim is settled." />
      )}
    </>
  );
}
