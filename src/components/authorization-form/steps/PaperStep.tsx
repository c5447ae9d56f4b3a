"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { dueDateFor, paperReceivedAt } from "@/domain/deadlines";
import { formatDate } from "@/domain/format";
import { FileField } from "../FileField";
import { RadioGroup, TextField } from "../fields";
import { useAttachedScan } from "../mode";
import { UPLOAD_ERROR_NAMES, type FormValues, type Name } from "../model";
import { type ChosenFiles, fileContentProblem, fileProblem } from "../uploads";

const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Paper mode, step 1: the scan of the signed form (its legal original, kept with the request) and
 * when and how it arrived — receipt starts the 30-day clock, so the due date is shown as it is set.
 */
export function PaperStep({ files, setFiles }: { files: ChosenFiles; setFiles: (update: (files: ChosenFiles) => ChosenFiles) => void }) {
  const { setError, clearErrors } = useFormContext<FormValues>();
  const receivedOn = useWatch<FormValues, "paper.receivedOn">({ name: "paper.receivedOn" });
  const due = isDay(receivedOn) ? dueDateFor(paperReceivedAt(receivedOn)) : null;
  const attached = useAttachedScan();

  const chooseScan = async (chosen: File[]) => {
    const file = chosen[0];
    if (!file) return;
    const problem = fileProblem(file) ?? (await fileContentProblem(file));
    if (problem) return setError(UPLOAD_ERROR_NAMES.paperFormScan as Name, { type: "file", message: problem });
    clearErrors(UPLOAD_ERROR_NAMES.paperFormScan as Name);
    setFiles((f) => ({ ...f, paperFormScan: file }));
  };

  if (attached) {
    // An authorization a third party uploaded: the scan is on file and arrived the day it was uploaded.
    const attachedDue = dueDateFor(paperReceivedAt(attached.receivedOn));
    return (
      <>
        <p>
          Key the authorization in as it was filled in. One without a signature, or missing an answer this page asks for, cannot be keyed in:
          go back to the upload and send it back to {attached.organization} with what is missing.
        </p>
        <p>
          <a href={attached.href} target="_blank" rel="noopener">
            Open the scan {attached.organization} uploaded (opens in a new tab)
          </a>
        </p>
        <p>
          Received {formatDate(paperReceivedAt(attached.receivedOn))}, uploaded by {attached.organization}. Due {formatDate(attachedDue)}, 30 days after
          receipt.
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        Key the form in as it was filled in. A form without a signature, or missing an answer this page asks for, cannot be keyed
        in: return it to the requester with what is missing.
      </p>
      <FileField
        errorName={UPLOAD_ERROR_NAMES.paperFormScan}
        label="Scan of the signed paper form"
        hint={
          <>
            Every page as it arrived, with anything enclosed (such as a copy of a photo ID or proof of authority): one PDF, or an image
            for a single page. PDF, JPG or PNG, up to 10 MB and 50 pages. It is kept encrypted with the request as the signed original.
          </>
        }
        files={files.paperFormScan ? [files.paperFormScan] : []}
        onChoose={chooseScan}
        onRemove={() => setFiles((f) => ({ ...f, paperFormScan: null }))}
      />
      <TextField
        name="paper.receivedOn"
        label="Date the form was received"
        type="date"
        className="input-medium"
        autoComplete="off"
        hint="The day it arrived by mail or fax (today, unless it came earlier). The 30-day deadline counts from it."
        recheck={["signature.signedOn"]}
      />
      <p className="hint" aria-live="polite">
        {due ? `Due ${formatDate(due)}, 30 days after receipt.` : ""}
      </p>
      <RadioGroup
        name="paper.receivedVia"
        legend="How did it arrive?"
        options={[
          { value: "MAIL", label: "By mail" },
          { value: "FAX", label: "By fax" },
        ]}
      />
    </>
  );
}
