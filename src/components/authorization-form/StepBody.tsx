"use client";

import type { RefObject } from "react";
import { isPaperMode, suggestedExpiration } from "@/domain/authorization-form";
import type { StepKey } from "./model";
import type { Stroke } from "./SignaturePad";
import { AccessFormatStep } from "./steps/AccessFormatStep";
import { AccessInformationStep } from "./steps/AccessInformationStep";
import { DeliveryStep } from "./steps/DeliveryStep";
import { FeesStep } from "./steps/FeesStep";
import { useWizardMode } from "./mode";
import { InformationStep } from "./steps/InformationStep";
import { PaperSignatureStep } from "./steps/PaperSignatureStep";
import { PaperStep } from "./steps/PaperStep";
import { PatientStep } from "./steps/PatientStep";
import { PurposeStep } from "./steps/PurposeStep";
import { RecipientStep } from "./steps/RecipientStep";
import { ReleaseStep } from "./steps/ReleaseStep";
import { RequesterStep } from "./steps/RequesterStep";
import { ReviewStep } from "./steps/ReviewStep";
import { SignatureStep } from "./steps/SignatureStep";
import type { ChosenFiles } from "./uploads";

/** The questions of one step (of either mode: src/components/authorization-form/model.ts). */
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
  const mode = useWizardMode();
  switch (stepKey) {
    case "paper":
      return <PaperStep files={files} setFiles={setFiles} />;
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
    case "accessInformation":
      return <AccessInformationStep today={today} />;
    case "format":
      return <AccessFormatStep today={today} />;
    case "signature":
      return isPaperMode(mode) ? <PaperSignatureStep today={today} /> : <SignatureStep today={today} strokesRef={strokesRef} />;
    case "review":
      return <ReviewStep today={today} files={files} onChange={onChange} />;
  }
}
