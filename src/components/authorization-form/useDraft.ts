"use client";

/**
 * The draft: the answers, the current step and the idempotency key, kept in sessionStorage so a
 * reload in the same tab loses nothing. sessionStorage (not localStorage) because it ends with
 * the tab: answers are health information and must not linger on a shared computer. Nothing is
 * sent to the server before submitting. Files cannot be stored, and the drawn signature is not:
 * a signature is an act made when signing, and an image of it should not sit in storage; after a
 * reload the person chooses the files again and signs again (the wizard says so). A paper form
 * keyed in by staff has a draft of its own, apart from the public form's.
 */
import { useCallback, useEffect, useRef } from "react";
import type { DefaultValues, UseFormReturn } from "react-hook-form";
import type { AnySubmittedForm, FormMode } from "@/domain/authorization-form";
import type { FormValues } from "./model";

const STORAGE_KEYS: Record<FormMode, string> = {
  online: "record-connect.authorization-draft.v1",
  paper: "record-connect.paper-authorization-draft.v1",
  access: "record-connect.access-request-draft.v1",
  "paper-access": "record-connect.paper-access-request-draft.v1",
};
const SAVE_DELAY_MS = 400;

type StoredDraft = {
  version: 1;
  values: Record<string, unknown>;
  step: number;
  idempotencyKey: string;
  hadFiles: boolean;
  hadDrawnSignature: boolean;
};

export type RestoredDraft = { hadFiles: boolean; hadDrawnSignature: boolean };

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; the same UUID v4 from getRandomValues otherwise.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function readDraft(storageKey: string): StoredDraft | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const draft: unknown = JSON.parse(raw);
    if (
      isPlainObject(draft) &&
      draft.version === 1 &&
      isPlainObject(draft.values) &&
      typeof draft.step === "number" &&
      typeof draft.idempotencyKey === "string" &&
      /^[0-9a-f-]{36}$/i.test(draft.idempotencyKey)
    )
      return draft as StoredDraft;
  } catch {
    // Storage unavailable or a damaged entry: start afresh.
  }
  return null;
}

/** The saved answers over the starting values, so fields added since the draft still exist. */
function merge(base: unknown, saved: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(saved)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(saved)) if (key in base) out[key] = merge(base[key], value);
    return out;
  }
  return saved === undefined || saved === null ? base : saved;
}

/** The answers, with empty ones left out, to tell an untouched form from a started one. */
const answered = (values: unknown) => JSON.stringify(values, (_key, v: unknown) => (v === null || v === "" || v === false ? undefined : v));

function withoutDrawnSignature(values: FormValues): FormValues {
  // Neither the signer's nor the minor's drawing is kept.
  const minor = isPlainObject(values.signature) && isPlainObject(values.signature.minor) ? { minor: { ...values.signature.minor, drawn: undefined } } : {};
  const signature = isPlainObject(values.signature) ? { ...values.signature, drawn: undefined, ...minor } : values.signature;
  return { ...values, signature } as FormValues;
}

export function useDraft({
  form,
  mode,
  draftKey,
  initial,
  step,
  stepCount,
  hasFiles,
  onRestore,
}: {
  draftKey?: string;
  form: UseFormReturn<FormValues, unknown, AnySubmittedForm>;
  mode: FormMode;
  initial: DefaultValues<FormValues>;
  step: number;
  stepCount: number;
  hasFiles: boolean;
  /** Called once, after the answers are back in the form, with the step to show. */
  onRestore: (step: number, restored: RestoredDraft) => void;
}) {
  const { getValues, reset, subscribe } = form;
  const storageKey = draftKey ? `${STORAGE_KEYS[mode]}.${draftKey}` : STORAGE_KEYS[mode];
  const key = useRef<string | null>(null);
  const ready = useRef(false);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ step, hasFiles });
  // Files chosen before a reload are still owed after another reload.
  const filesOwed = useRef(false);
  const onRestoreRef = useRef(onRestore);

  useEffect(() => {
    latest.current = { step, hasFiles };
    onRestoreRef.current = onRestore;
  });

  const saveNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!ready.current || stopped.current || !key.current) return;
    const values = getValues();
    const signature: Record<string, unknown> = isPlainObject(values.signature) ? values.signature : {};
    const draft: StoredDraft = {
      version: 1,
      values: withoutDrawnSignature(values) as unknown as Record<string, unknown>,
      step: latest.current.step,
      idempotencyKey: key.current,
      hadFiles: latest.current.hasFiles || filesOwed.current,
      hadDrawnSignature: signature.method === "DRAWN" && !!signature.drawn,
    };
    const untouched = draft.step === 0 && !draft.hadFiles && answered(draft.values) === answered(withoutDrawnSignature(initial as FormValues));
    try {
      // Nothing to keep yet: no draft, so a reload of an untouched form says nothing about restoring.
      if (untouched) window.sessionStorage.removeItem(storageKey);
      else window.sessionStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Full or unavailable storage: the form still works, only without the draft.
    }
  }, [getValues, initial, storageKey]);

  const saveSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, SAVE_DELAY_MS);
  }, [saveNow]);

  // Restore once, on mount (the server rendered the empty form; storage exists only here).
  useEffect(() => {
    const draft = readDraft(storageKey);
    key.current = draft?.idempotencyKey ?? key.current ?? newIdempotencyKey();
    if (draft) {
      reset(merge(initial, draft.values) as FormValues);
      const restoredStep = Math.min(Math.max(0, Math.trunc(draft.step)), stepCount - 1);
      // Saves before the restored step is rendered must not record step 0 over it.
      latest.current = { ...latest.current, step: restoredStep };
      filesOwed.current = draft.hadFiles === true;
      onRestoreRef.current(restoredStep, { hadFiles: draft.hadFiles === true, hadDrawnSignature: draft.hadDrawnSignature === true });
    }
    ready.current = true;
  }, [initial, reset, stepCount, storageKey]);

  // Save after each change (debounced), at once on a step change, and before the page goes away.
  useEffect(() => subscribe({ formState: { values: true }, callback: saveSoon }), [subscribe, saveSoon]);
  useEffect(() => {
    saveNow();
  }, [step, hasFiles, saveNow]);
  useEffect(() => {
    window.addEventListener("pagehide", saveNow);
    return () => {
      window.removeEventListener("pagehide", saveNow);
      if (timer.current) saveNow();
    };
  }, [saveNow]);

  /** The key of this draft's submission (made once per draft, kept across reloads). */
  const idempotencyKey = useCallback(() => (key.current ??= newIdempotencyKey()), []);

  /** Forget the draft (after a successful submission) and stop saving. */
  const clear = useCallback(() => {
    stopped.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing stored, then.
    }
  }, [storageKey]);

  return { idempotencyKey, clear };
}
