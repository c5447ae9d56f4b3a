"use client";

import { createContext, useContext } from "react";
import type { FormMode } from "@/domain/authorization-form";
import { wizardSteps, type WizardSteps } from "./model";

/** Which form the wizard is: the requester's own (online), or staff keying in a paper form. */
export const WizardModeContext = createContext<FormMode>("online");

/**
 * A scan already on file (paper mode, keying in an authorization a third party uploaded,
 * docs/decisions/0017): the wizard shows it instead of asking for a file, and sends its upload's id.
 */
export type AttachedScan = { uploadId: string; href: string; organization: string; receivedOn: string };
export const AttachedScanContext = createContext<AttachedScan | null>(null);

export function useAttachedScan(): AttachedScan | null {
  return useContext(AttachedScanContext);
}

/**
 * The delivery is not the signer's to choose (a third party's invitation to sign, decision 0013:
 * the records go to the organisation by secure e-mail, and the server stores exactly that). The
 * delivery step then says so instead of offering choices the server would not keep (issue 13).
 */
export type FixedDelivery = { organization: string; email: string };
export const FixedDeliveryContext = createContext<FixedDelivery | null>(null);

export function useFixedDelivery(): FixedDelivery | null {
  return useContext(FixedDeliveryContext);
}

export function useWizardMode(): FormMode {
  return useContext(WizardModeContext);
}

export function useWizardSteps(): WizardSteps {
  return wizardSteps(useWizardMode());
}

/** The words of the wizard's frame that differ between the modes: message keys ("form.copy"). */
export const WIZARD_COPY = {
  online: {
    progressLabel: "form.copy.online.progressLabel",
    submit: "form.copy.online.submit",
    submitting: "form.copy.online.submitting",
    submittingStatus: "form.copy.online.submittingStatus",
    notSent: "form.copy.online.notSent",
    unreachable: "form.copy.online.unreachable",
  },
  access: {
    progressLabel: "form.copy.access.progressLabel",
    submit: "form.copy.access.submit",
    submitting: "form.copy.access.submitting",
    submittingStatus: "form.copy.access.submittingStatus",
    notSent: "form.copy.access.notSent",
    unreachable: "form.copy.access.unreachable",
  },
  paper: {
    progressLabel: "form.copy.paper.progressLabel",
    submit: "form.copy.paper.submit",
    submitting: "form.copy.paper.submitting",
    submittingStatus: "form.copy.paper.submittingStatus",
    notSent: "form.copy.paper.notSent",
    unreachable: "form.copy.paper.unreachable",
  },
  "paper-access": {
    progressLabel: "form.copy.paper.progressLabel",
    submit: "form.copy.paper.submit",
    submitting: "form.copy.paper.submitting",
    submittingStatus: "form.copy.paper.submittingStatus",
    notSent: "form.copy.paper.notSent",
    unreachable: "form.copy.paper.unreachable",
  },
} as const satisfies Record<FormMode, Record<string, `form.copy.${string}`>>;
