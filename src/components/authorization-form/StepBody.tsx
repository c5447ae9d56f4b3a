"use client";

import type { RefObject } from "react";
import { suggestedExpiration } from "@/domain/authorization-form";
import type { StepKey } from "./model";
import type { Stroke } from "./SignaturePad";
import { DeliveryStep } from "./steps/DeliveryStep";
import { FeesStep } from "./steps/FeesStep";
import { InformationStep } from "./steps/InformationStep";
import { PatientStep } from "./steps/PatientStep";
import { PurposeStep } from "./steps/PurposeStep";
import { RecipientStep } from "./steps/RecipientStep";
import { ReleaseStep } from "./steps/ReleaseStep";
import { RequesterStep } from "./steps/RequesterStep";
import { ReviewStep } from "./steps/ReviewStep";
import { SignatureStep } from "./steps/SignatureStep";
import type { ChosenFiles } from "./uploads";

/** The questions of one step. */
export function StepBody({
  stepKey,
  today,
  files,
  setFiles,
  strokesRef,
  onChange,
}: {
  stepKey: StepKey;
  today: string;
  files: ChosenFiles;
  setFiles: (update: (files: ChosenFiles) => ChosenFiles) => void;
  strokesRef: RefObject<Stroke[]>;
  onChange: (step: number) => void;
}) {
  switch (stepKey) {
    case "release":
      return <ReleaseStep />;
    case "requester":
      return <RequesterStep files={files} setFiles={setFiles} />;
    case "patient":
      return <PatientStep />;
    case "recipient":
      return <RecipientStep />;
    case "information":
      return <InformationStep today={today} />;
    case "purpose":
      return <PurposeStep suggestedExpiration={suggestedExpiration(today)} />;
    case "delivery":
      return <DeliveryStep />;
    case "fees":
      return <FeesStep />;
    case "signature":
      return <SignatureStep today={today} strokesRef={strokesRef} />;
    case "review":
      return <ReviewStep today={today} files={files} onChange={onChange} />;
  }
}
