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

/** The words of the wizard's frame that differ between the two modes. */
export const wizardCopy = {
  online: {
    progressLabel: "Steps of the request",
    submit: "Sign and submit request",
    submitting: "Submitting…",
    submittingStatus: "Submitting your request. Please wait.",
    notSent: "Your request was not sent",
    unreachable:
      "We could not reach Record Connect, so your request was not sent. Check your internet connection and try again: your answers are still here.",
  },
  access: {
    progressLabel: "Steps of your request",
    submit: "Sign and send my request",
    submitting: "Sending…",
    submittingStatus: "Sending your request. Please wait.",
    notSent: "Your request was not sent",
    unreachable:
      "We could not reach Record Connect, so your request was not sent. Check your internet connection and try again: your answers are still here.",
  },
  paper: {
    progressLabel: "Steps of keying in the paper form",
    submit: "Save the paper request",
    submitting: "Saving…",
    submittingStatus: "Saving the request. Please wait.",
    notSent: "The request was not saved",
    unreachable: "The server could not be reached, so the request was not saved. Check the connection and try again: the answers are still here.",
  },
  "paper-access": {
    progressLabel: "Steps of keying in the paper form",
    submit: "Save the paper request",
    submitting: "Saving…",
    submittingStatus: "Saving the request. Please wait.",
    notSent: "The request was not saved",
    unreachable: "The server could not be reached, so the request was not saved. Check the connection and try again: the answers are still here.",
  },
} as const satisfies Record<FormMode, Record<string, string>>;
