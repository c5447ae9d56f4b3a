"use client";

/**
 * The Authorization for Release of Health Information, one step at a time: filled in and signed
 * online by the requester, or (mode "paper") a signed paper form keyed in by staff. One
 * react-hook-form holds every answer, validated by the domain schema of the mode
 * (src/domain/authorization-form.ts) through zodResolver; "Continue" checks the steps so far,
 * "Back" checks nothing. Files are kept in state beside the form. The draft lives in
 * sessionStorage (useDraft). The server action comes from the page (the public one, or the
 * staff-only one), and says where to go once the request is stored.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { localizedPath } from "@/i18n/locales";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, type Resolver, useForm, useFormState } from "react-hook-form";
import { type AnySubmittedForm, type FormMode, formSchemaFor, isPaperMode } from "@/domain/authorization-form";
import { type SubmitResult, UPLOAD_FIELDS } from "@/domain/submission";
import { useProblemText } from "@/i18n/useProblemText";
import { submitWithRetry } from "./submitWithRetry";
import { ErrorSummary } from "./ErrorSummary";
import { type AttachedScan, AttachedScanContext, type FixedDelivery, FixedDeliveryContext, WizardModeContext, WIZARD_COPY } from "./mode";
import { type FeeFacts, FeeFactsContext } from "./FeeEstimate";
import { flattenErrors, initialValues, isFieldName, type FormValues, type Name, toSubmission, UPLOAD_ERROR_NAMES, wizardSteps } from "./model";
import { Progress } from "./Progress";
import { RefusalNotice, RestoredNotice } from "./Notices";
import type { Stroke } from "./SignaturePad";
import { StepBody } from "./StepBody";
import { type ChosenFiles, NO_FILES, uploadErrors } from "./uploads";
import { type RestoredDraft, useDraft } from "./useDraft";

type FocusTarget = "heading" | "summary" | "refusal";

export function AuthorizationWizard({
  today,
  mode = "online",
  action,
  prefill,
  draftKey,
  attachedScan,
  fees,
  fixedDelivery,
}: {
  today: string;
  /** The schedule and policy the fee estimate is computed with (src/server/fee-facts.ts); none: no estimate shown. */
  fees?: FeeFacts;
  mode?: FormMode;
  /** Answers filled in beforehand (a third party's invitation to sign: the patient and the recipient). */
  prefill?: Record<string, unknown>;
  /** A draft kept apart from the public form's (the signing page). */
  draftKey?: string;
  /** Paper mode: the scan is already on file (a third party's upload), not chosen here. */
  attachedScan?: AttachedScan;
  /** The delivery is set by the server, not chosen (a third party's invitation to sign). */
  fixedDelivery?: FixedDelivery;
  /** The server action that stores the request (src/domain/submission.ts is the contract). */
  action: (data: FormData) => Promise<SubmitResult>;
}) {
  const router = useRouter();
  const problemText = useProblemText();
  const steps = wizardSteps(mode);
  const t = useTranslations();
  const locale = useLocale();
  const copyKeys = WIZARD_COPY[mode];
  const copy = {
    submit: t(copyKeys.submit),
    submitting: t(copyKeys.submitting),
    submittingStatus: t(copyKeys.submittingStatus),
    unreachable: t(copyKeys.unreachable),
  };
  const initial = useMemo(() => (prefill ? (mergeAnswers(initialValues(today, mode), prefill) as ReturnType<typeof initialValues>) : initialValues(today, mode)), [today, mode, prefill]);
  const schema = useMemo(() => formSchemaFor(mode, today), [mode, today]);
  // The schema sees only the chosen branch of each choice (toSubmission), as the server will.
  const resolver = useMemo<Resolver<FormValues, unknown, AnySubmittedForm>>(() => {
    const base = zodResolver(schema as ReturnType<typeof formSchemaFor>) as unknown as Resolver<FormValues, unknown, AnySubmittedForm>;
    return (values, context, options) => base(toSubmission(values, today, mode), context, options);
  }, [schema, today, mode]);
  // Answers are checked when the person presses Continue, not as they leave each field: a message
  // appearing on blur shifts the page under the pointer (the click on Continue can miss), and
  // screen-reader users hear errors in one summary, after they ask to move on.
  const form = useForm<FormValues, unknown, AnySubmittedForm>({ defaultValues: initial, resolver, mode: "onSubmit", shouldFocusError: false });
  const { trigger, getValues, setError, clearErrors } = form;
  const { errors } = useFormState({ control: form.control });

  const [step, setStep] = useState(0);
  const [furthest, setFurthest] = useState(0);
  const [editing, setEditing] = useState(false);
  const [files, setFiles] = useState<ChosenFiles>(NO_FILES);
  const [summaryStep, setSummaryStep] = useState<number | null>(null);
  const [restored, setRestored] = useState<(RestoredDraft & { step: number }) | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget; n: number } | null>(null);
  const busy = useRef(false);
  const strokesRef = useRef<Stroke[]>([]);
  const topRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  const draft = useDraft({
    form,
    mode,
    draftKey,
    initial,
    step,
    stepCount: steps.list.length,
    hasFiles: !!files.paperFormScan || !!files.photoId || files.authorityProof.length > 0,
    onRestore: (restoredStep, info) => {
      setStep(restoredStep);
      setFurthest(restoredStep);
      setRestored({ ...info, step: restoredStep });
    },
  });

  // Focus after the render that shows the new step, summary or notice (WCAG 2.4.3).
  useEffect(() => {
    if (!focusRequest) return;
    const target = { heading: headingRef, summary: summaryRef, refusal: refusalRef }[focusRequest.target].current ?? headingRef.current;
    topRef.current?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }, [focusRequest]);

  // The page title names the step, so a screen reader user knows where they are after a reload.
  const baseTitle = useRef<string | null>(null);
  useEffect(() => {
    baseTitle.current ??= document.title;
    document.title = t("form.documentTitle", { title: t((steps.list[step] ?? steps.list[0]!).title as never), step: step + 1, count: steps.list.length, page: baseTitle.current });
  }, [step, steps, t]);

  const focus = (target: FocusTarget) => setFocusRequest((r) => ({ target, n: (r?.n ?? 0) + 1 }));

  // Each step is a browser history entry (same address, `rcStep` in history.state): the browser's
  // Back goes to the previous step, answers kept, rather than leaving the form.
  const historyStarted = useRef(false);
  useEffect(() => {
    const state = (window.history.state ?? {}) as Record<string, unknown>;
    if (!historyStarted.current) {
      // On opening (or reloading) the form, this entry is the step shown.
      historyStarted.current = true;
      return window.history.replaceState({ ...state, rcStep: step }, "");
    }
    // After the browser's Back or Forward, the entry already names this step: nothing to add.
    if (typeof state.rcStep !== "number") window.history.replaceState({ ...state, rcStep: step }, "");
    else if (state.rcStep !== step) window.history.pushState({ ...state, rcStep: step }, "");
  }, [step]);
  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      const to = (event.state as { rcStep?: unknown } | null)?.rcStep;
      if (typeof to !== "number") return;
      setSummaryStep(null);
      setStep(Math.max(0, Math.min(to, steps.list.length - 1)));
      setFocusRequest((r) => ({ target: "heading", n: (r?.n ?? 0) + 1 }));
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [steps.list.length]);
  const go = (to: number, target: FocusTarget = "heading") => {
    setStep(to);
    setFurthest((f) => Math.max(f, to));
    focus(target);
  };

  /** Shows (and clears) the file errors of the given steps; returns the steps with a file missing. */
  const checkUploads = (checked: number[]): number[] => {
    const problems = uploadErrors(mode, getValues("requester.kind"), files, getValues("patient.emancipated") === true, !!attachedScan);
    const bad: number[] = [];
    for (const name of Object.values(UPLOAD_ERROR_NAMES)) {
      const at = steps.ofField(name);
      if (!checked.includes(at)) continue;
      const message = problems[name];
      if (message) {
        setError(name as Name, { type: "required", message });
        bad.push(at);
      } else clearErrors(name as Name);
    }
    return bad;
  };

  /** Shows the errors of the given steps; returns the first of them with an error, or null. */
  const firstInvalid = async (checked: number[]): Promise<number | null> => {
    await trigger(steps.triggerNames(checked));
    const result = schema.safeParse(toSubmission(getValues(), today, mode));
    const bad = new Set<number>(checkUploads(checked));
    if (!result.success)
      for (const issue of result.error.issues) {
        const name = issue.path.join(".");
        const at = steps.ofField(name);
        bad.add(at);
        // trigger() shows errors of fields; one about a whole section is shown here.
        if (checked.includes(at) && !isFieldName(name)) setError(name as Name, { type: "schema", message: issue.message });
      }
    const found = checked.filter((s) => bad.has(s));
    return found.length > 0 ? Math.min(...found) : null;
  };

  const showErrorsOn = (at: number) => {
    setSummaryStep(at);
    // Sent back from the review: after the fix, Continue returns there.
    if (step === steps.review) setEditing(true);
    if (at !== step) {
      setStep(at);
      setFurthest((f) => Math.max(f, at));
    }
    focus("summary");
  };

  const next = async () => {
    // Back from the review to change an answer: every step is checked again (a change may
    // affect a later step's rules) and the person returns to the review, or to what needs fixing.
    const invalid = await firstInvalid(steps.list.map((_, i) => i).filter((i) => (editing ? i !== steps.review : i <= step)));
    if (invalid !== null) return showErrorsOn(invalid);
    setSummaryStep(null);
    go(editing ? steps.review : step + 1);
  };

  const back = () => {
    setSummaryStep(null);
    go(Math.max(0, step - 1));
  };

  /** "Change" on the review (and the restore notice's links from it): Continue then returns to the review. */
  const change = (to: number) => {
    setSummaryStep(null);
    if (step === steps.review) setEditing(true);
    go(to);
  };

  const applyResult = (result: SubmitResult) => {
    if (result.ok) return;
    if (result.kind === "refused" || result.kind === "busy") {
      setRefusal(problemText(result.message));
      return focus("refusal");
    }
    let first: number | null = null;
    const unplaced: string[] = [];
    for (const [name, messages] of Object.entries(result.fieldErrors)) {
      const message = messages[0];
      const at = steps.ofField(name);
      if (!message) continue;
      if (at < 0 || at === steps.review) {
        unplaced.push(message);
        continue;
      }
      setError(name as Name, { type: "server", message });
      first = first === null ? at : Math.min(first, at);
    }
    // A file the server refused by its content has to be chosen again.
    if (result.fieldErrors[UPLOAD_ERROR_NAMES.paperFormScan]) setFiles((f) => ({ ...f, paperFormScan: null }));
    if (result.fieldErrors[UPLOAD_ERROR_NAMES.photoId]) setFiles((f) => ({ ...f, photoId: null }));
    if (result.fieldErrors[UPLOAD_ERROR_NAMES.authorityProof]) setFiles((f) => ({ ...f, authorityProof: [] }));
    if (unplaced.length > 0 || first === null) setRefusal([result.message, ...unplaced].filter(Boolean).map(problemText).join(" "));
    if (first === null) return focus("refusal");
    showErrorsOn(first);
  };

  const submit = async () => {
    setRefusal(null);
    const invalid = await firstInvalid(steps.list.map((_, i) => i).filter((i) => i !== steps.review));
    if (invalid !== null) return showErrorsOn(invalid);
    const data = new FormData();
    data.set("payload", JSON.stringify(toSubmission(getValues(), today, mode)));
    data.set("idempotencyKey", draft.idempotencyKey());
    if (isPaperMode(mode) && files.paperFormScan && !attachedScan) data.set(UPLOAD_FIELDS.paperFormScan, files.paperFormScan);
    if (mode === "paper" && attachedScan) data.set("paperUploadId", attachedScan.uploadId);
    if (files.photoId) data.set(UPLOAD_FIELDS.photoId, files.photoId);
    if (getValues("requester.kind") === "REPRESENTATIVE") for (const file of files.authorityProof) data.append(UPLOAD_FIELDS.authorityProof, file);
    let result: SubmitResult;
    try {
      // "Busy" (admission control): the same answers go again, same key, until they are taken.
      result = await submitWithRetry(action, data, { onBusy: (message) => setRefusal(message) });
    } catch {
      result = { ok: false, kind: "refused", message: copy.unreachable };
    }
    if (result.ok) {
      draft.clear();
      // In the page's language: the next page keeps the /es prefix.
      router.push(localizedPath(locale, result.next ?? "/request/confirmation"));
      return true;
    }
    applyResult(result);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // One action at a time: a double click or a second Enter does nothing while one runs.
    if (busy.current) return;
    busy.current = true;
    const isReview = step === steps.review;
    if (isReview) setSubmitting(true);
    let leaving = false;
    try {
      leaving = isReview ? (await submit()) === true : (await next(), false);
    } finally {
      // After a successful submission the page is leaving: keep the button disabled.
      if (!leaving) {
        busy.current = false;
        setSubmitting(false);
      }
    }
  };

  const current = steps.list[step] ?? steps.list[0]!;
  const summaryItems = summaryStep === step ? flattenErrors(errors).filter((e) => steps.ofField(e.name) === step) : [];
  const isReview = step === steps.review;

  return (
    <FeeFactsContext value={fees ?? null}>
    <WizardModeContext value={mode}>
      <AttachedScanContext value={attachedScan ?? null}>
      <FixedDeliveryContext value={fixedDelivery ?? null}>
      <FormProvider {...form}>
        <div className="wizard" ref={topRef}>
        {refusal && <RefusalNotice message={refusal} noticeRef={refusalRef} />}
        {restored && <RestoredNotice restored={restored} files={files} step={step} onGoTo={change} />}
        <Progress steps={steps} step={step} furthest={furthest} />
        <ErrorSummary items={summaryItems} summaryRef={summaryRef} />
        <form noValidate onSubmit={onSubmit} aria-labelledby="wizard-step-heading">
          <p className="wizard-step-count">
            {t("form.stepCount", { step: step + 1, count: steps.list.length, title: t(current.title as never) })}
          </p>
          <h2 id="wizard-step-heading" className="wizard-step-heading" tabIndex={-1} ref={headingRef}>
            {t(current.title as never)}
          </h2>
          <StepBody stepKey={current.key} today={today} files={files} setFiles={setFiles} strokesRef={strokesRef} onChange={change} />
          <div className="actions">
            {isReview ? (
              <button type="submit" className="button" disabled={submitting} aria-busy={submitting || undefined}>
                {submitting ? copy.submitting : copy.submit}
              </button>
            ) : (
              <button type="submit" className="button">
                {t("form.continue")}
              </button>
            )}
            {step > 0 && (
              <button type="button" className="button-secondary" onClick={back} disabled={submitting}>
                {t("form.back")}
              </button>
            )}
          </div>
          <p className="visually-hidden" role="status">
            {submitting ? copy.submittingStatus : ""}
          </p>
        </form>
        </div>
      </FormProvider>
      </FixedDeliveryContext>
      </AttachedScanContext>
    </WizardModeContext>
    </FeeFactsContext>
  );
}

/** Answers given beforehand over the empty form, section by section. */
function mergeAnswers(base: unknown, over: unknown): unknown {
  if (!over || typeof over !== "object" || Array.isArray(over) || !base || typeof base !== "object") return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = mergeAnswers(out[k], v);
  return out;
}
