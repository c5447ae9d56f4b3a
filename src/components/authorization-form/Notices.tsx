"use client";

import type { Ref } from "react";
import { useWatch } from "react-hook-form";
import { QuestionsLine } from "@/components/PhoneLink";
import { organization } from "@/domain/organization";
import { isPaperMode } from "@/domain/authorization-form";
import { useWizardMode, useWizardSteps, wizardCopy } from "./mode";
import type { FormValues } from "./model";
import type { ChosenFiles } from "./uploads";
import type { RestoredDraft } from "./useDraft";

/** The server refused the submission for a reason that is not a field (or could not be reached). */
export function RefusalNotice({ message, noticeRef }: { message: string; noticeRef: Ref<HTMLDivElement> }) {
  const mode = useWizardMode();
  return (
    <div className="notice notice-error" tabIndex={-1} ref={noticeRef}>
      <p className="notice-title">{wizardCopy[mode].notSent}</p>
      <p>{message}</p>
      {/* The public questions line is for requesters; staff keying in a form have their own. */}
      {mode === "online" && !message.includes(organization.questionsPhone) && <QuestionsLine />}
    </div>
  );
}

/**
 * After a reload: the answers are back, but files (which the browser cannot keep) and a drawn
 * signature (which the draft does not keep) have to be given again. A paper form's files are
 * owed on its first step (the scan) and the requester step (separate sheets, if any).
 */
export function RestoredNotice({
  restored,
  files,
  step,
  onGoTo,
}: {
  restored: RestoredDraft & { step: number };
  files: ChosenFiles;
  step: number;
  onGoTo: (step: number) => void;
}) {
  const [method, drawn, kind] = useWatch<FormValues, ["signature.method", "signature.drawn", "requester.kind"]>({
    name: ["signature.method", "signature.drawn", "requester.kind"],
  });
  const mode = useWizardMode();
  const steps = useWizardSteps();
  const filesMissing = restored.hadFiles && (isPaperMode(mode) ? !files.paperFormScan : !files.photoId);
  const signatureMissing = restored.hadDrawnSignature && method === "DRAWN" && !drawn;
  if (!filesMissing && !signatureMissing && step !== restored.step) return null;
  const requesterStep = steps.index(isPaperMode(mode) ? "paper" : "requester");
  const signatureStep = steps.index("signature");

  return (
    <div className="notice notice-info">
      <p className="notice-title">Your answers are back</p>
      <p>We kept your answers in this browser tab when the page reloaded.</p>
      {filesMissing && (
        <p>
          Files can’t be kept when a page reloads.{" "}
          {isPaperMode(mode)
            ? `Please choose the scan of the signed form again in step ${requesterStep + 1}, and any separate sheets in step ${steps.index("requester") + 1}.`
            : `Please choose your photo ID${kind === "REPRESENTATIVE" ? " and your proof of authority" : ""} again in step ${requesterStep + 1}.`}{" "}
          {step !== requesterStep && (
            <button type="button" className="button-link" onClick={() => onGoTo(requesterStep)}>
              Choose the files again
            </button>
          )}
        </p>
      )}
      {signatureMissing && (
        <p>
          Your drawn signature is not kept either: sign again in step {signatureStep + 1}, or use your typed name as your signature.{" "}
          {step !== signatureStep && (
            <button type="button" className="button-link" onClick={() => onGoTo(signatureStep)}>
              Sign again
            </button>
          )}
        </p>
      )}
    </div>
  );
}
