"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { cx, ErrorText, Hint, useFieldError } from "./fields";
import { fieldId } from "./model";
import { ACCEPT_ATTRIBUTE, fileSize } from "./uploads";

function showFiles(input: HTMLInputElement, files: File[]) {
  try {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
  } catch {
    // Without DataTransfer (very old browsers) the list below the input still shows the files.
  }
}

/**
 * A file input whose chosen files live in React state (not in the form values): the input forgets
 * them when the step is left, so the state is written back into it, and listed below it with a
 * Remove button per file. Choosing again adds to a multiple input. `errorName` is the key of its
 * errors ("uploads.photoId").
 */
export function FileField({
  errorName,
  label,
  hint,
  multiple = false,
  files,
  onChoose,
  onRemove,
}: {
  errorName: string;
  label: ReactNode;
  hint: ReactNode;
  multiple?: boolean;
  files: File[];
  onChoose: (files: File[]) => void | Promise<void>;
  onRemove: (index: number) => void;
}) {
  const error = useFieldError(errorName);
  const t = useTranslations("form.files");
  const id = fieldId(errorName);
  const input = useRef<HTMLInputElement>(null);

  // Show the kept files in the control itself (its own "No file chosen" would be wrong).
  useEffect(() => {
    if (input.current) showFiles(input.current, files);
  }, [files]);

  return (
    <div className={cx("field", error && "field-invalid")}>
      <label htmlFor={id}>{label}</label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      {error && <ErrorText id={`${id}-error`} message={error} />}
      <input
        ref={input}
        id={id}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        multiple={multiple}
        aria-describedby={cx(`${id}-hint`, error && `${id}-error`, `${id}-chosen`)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          if (chosen.length > 0) void onChoose(chosen);
          // Back to the kept files: a refused or cancelled choice leaves them as they were, and an
          // accepted one comes back through the state (the effect above).
          showFiles(event.target, files);
        }}
      />
      <div id={`${id}-chosen`} className="file-chosen" aria-live="polite">
        {files.length > 0 && (
          <>
            <p className="file-chosen-title">{files.length === 1 ? t("chosenOne") : t("chosenMany", { count: files.length })}</p>
            <ul className="file-list">
              {files.map((file, index) => (
                <li key={`${file.name}-${file.size}-${file.lastModified}-${index}`}>
                  <span>
                    {file.name} <span className="muted">({fileSize(file.size)})</span>
                  </span>{" "}
                  <button type="button" className="button-link" onClick={() => onRemove(index)}>
                    Remove<span className="visually-hidden"> {file.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
