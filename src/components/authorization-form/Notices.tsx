"use client";

import type { Ref } from "react";
import { useWatch } from "react-hook-form";
import { QuestionsLine } from "@/components/PhoneLink";
import { organization } from "@/domain/organization";
import { isPaperMode } from "@/domain/authorization-form";
import { useTranslations } from "next-intl";
import { useWizardMode, useWizardSteps, WIZARD_COPY } from "./mode";
import type { FormValues } from "./model";
import type { ChosenFiles } from "./uploads";
import type { RestoredDraft } from "./useDraft";

/** The server refused the submission for a reason that is not a field (or could not be reached). */
export function RefusalNotice({ message, noticeRef }: { message: string; noticeRef: Ref<HTMLDivElement> }) {
  const mode = useWizardMode();
  const t = useTranslations();
  return (
    <div className="notice notice-error" tabIndex={-1} ref={noticeRef}>
      <p className="notice-title">{t(WIZARD_COPY[mode].notSent)}</p>
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
  const t = useTranslations("form.restored");
  const filesMissing = restored.hadFiles && (isPaperMode(mode) ? !files.paperFormScan : !files.photoId);
  const signatureMissing = restored.hadDrawnSignature && method === "DRAWN" && !drawn;
  if (!filesMissing && !signatureMissing && step !== restored.step) return null;
  const requesterStep = steps.index(isPaperMode(mode) ? "paper" : "requester");
  const signatureStep = steps.index("signature");

  return (
    <div className="notice notice-info">
      <p className="notice-title">{t("title")}</p>
      <p>{t("kept")}</p>
      {filesMissing && (
        <p>
          {isPaperMode(mode)
            ? t("filesPaper", { scanStep: requesterStep + 1, sheetsStep: steps.index("requester") + 1 })
            : t("filesOnline", { step: requesterStep + 1, representative: kind === "REPRESENTATIVE" ? "yes" : "no" })}{" "}
          {step !== requesterStep && (
            <button type="button" className="button-link" onClick={() => onGoTo(requesterStep)}>
              {t("chooseAgain")}
            </button>
          )}
        </p>
      )}
      {signatureMissing && (
        <p>
          {t("signatureMissing", { step: signatureStep + 1 })}{" "}
          {step !== signatureStep && (
            <button type="button" className="button-link" onClick={() => onGoTo(signatureStep)}>
              {t("signAgain")}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
