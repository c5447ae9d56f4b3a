"use client";

import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { DELIVERY_METHODS } from "@/domain/authorization-form";
import { useTranslations } from "next-intl";
import { DELIVERY_METHOD_EXPLANATION, DELIVERY_METHOD_LABEL } from "@/i18n/label-keys";
import { AddressFields, RadioGroup, TextArea, TextField } from "../fields";
import { useFixedDelivery, useWizardMode } from "../mode";
import type { FormValues } from "../model";
import { isPaperMode } from "@/domain/authorization-form";

type LooseAddress = Partial<Record<"line1" | "line2" | "city" | "state" | "postalCode", string>>;
const isBlank = (a: LooseAddress | undefined) => !a || Object.values(a).every((v) => !v || !String(v).trim());

/**
 * Step 7 (Section 4 of the paper form): secure e-mail, mail or a call for pickup. The mailing
 * address starts as the recipient's (a provider or third party) or else the patient's, and the
 * pickup phone as the requester's; both stay editable.
 */
export function DeliveryStep({ chooseMethod = true }: { chooseMethod?: boolean } = {}) {
  const { getValues, setValue } = useFormContext<FormValues>();
  const [method, recipientKind] = useWatch<FormValues, ["delivery.method", "recipient.kind"]>({ name: ["delivery.method", "recipient.kind"] });
  const paper = isPaperMode(useWizardMode());
  const fixed = useFixedDelivery();
  // The browser may offer the person's own details only when the records go to them, online.
  const toSelf = !paper && (recipientKind === "SELF" || recipientKind === undefined);
  const t = useTranslations("form.delivery");
  const label = useTranslations();

  useEffect(() => {
    const values = getValues() as unknown as {
      requester?: { kind?: string; representative?: { phone?: string } };
      patient?: { phone?: string; address?: LooseAddress };
      recipient?: { kind?: string; address?: LooseAddress };
      delivery?: { address?: LooseAddress; phone?: string };
    };
    const fill = { shouldDirty: true, shouldValidate: false } as const;
    if (method === "MAIL" && isBlank(values.delivery?.address)) {
      const from = values.recipient?.kind === "MEDICAL_PROVIDER" || values.recipient?.kind === "THIRD_PARTY" ? values.recipient.address : values.patient?.address;
      if (from && !isBlank(from)) setValue("delivery.address", { line1: "", line2: "", city: "", state: "", postalCode: "", ...from } as never, fill);
    }
    if (method === "PICKUP" && !values.delivery?.phone?.trim()) {
      const phone = values.requester?.kind === "REPRESENTATIVE" ? values.requester.representative?.phone : values.patient?.phone;
      if (phone?.trim()) setValue("delivery.phone", phone, fill);
    }
  }, [method, getValues, setValue]);

  if (fixed)
    return (
      <div className="notice notice-info" data-testid="fixed-delivery">
        <p className="notice-title">{t("fixedTitle", { organization: fixed.organization })}</p>
        <p>{t("fixedText", { organization: fixed.organization, email: fixed.email })}</p>
      </div>
    );

  return (
    <>
      {chooseMethod && (
      <RadioGroup
        name="delivery.method"
        legend={t("legend", { paper: paper ? "yes" : "no" })}
        options={DELIVERY_METHODS.map((m) => ({ value: m, label: label(DELIVERY_METHOD_LABEL[m]), hint: label(DELIVERY_METHOD_EXPLANATION[m]) }))}
      />
      )}
      {method === "SECURE_EMAIL" && (
        <>
          <h3>{t("emailHeading")}</h3>
          <TextField
            name="delivery.email"
            label={t("email")}
            type="email"
            autoComplete={toSelf ? "email" : "off"}
            spellCheck={false}
            hint={toSelf ? t("emailHintSelf") : t("emailHintOther")}
            recheck={["delivery.emailConfirm"]}
          />
          <TextField
            name="delivery.emailConfirm"
            label={t("emailConfirm")}
            type="email"
            autoComplete={toSelf ? "email" : "off"}
            spellCheck={false}
            hint={t("emailConfirmHint")}
          />
        </>
      )}
      {method === "MAIL" && (
        <AddressFields
          prefix="delivery.address"
          legend={t("mailLegend")}
          hint={t("mailHint")}
          autoComplete={toSelf ? "shipping" : "off"}
        />
      )}
      {method === "PICKUP" && (
        <>
          <h3>{t("pickupHeading")}</h3>
          <TextField
            name="delivery.phone"
            label={t("pickupPhone")}
            type="tel"
            autoComplete={paper ? "off" : "tel"}
            className="input-medium"
            hint={t("pickupPhoneHint")}
          />
          <TextArea name="delivery.bestTimes" label={t("bestTimes")} hint={t("bestTimesHint")} rows={2} />
          <div className="notice notice-info">
            <p>{t.rich("bringId", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          </div>
        </>
      )}
    </>
  );
}
