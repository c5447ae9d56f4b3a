"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { REPRESENTATIVE_AUTHORITIES } from "@/domain/authorization-form";
import { representativeAuthorityLabels, survivingRelationshipLabels } from "@/domain/labels";
import { SURVIVING_RELATIONSHIPS } from "@/domain/signing-rules";
import { MAX_PROOF_FILES } from "@/domain/submission";
import { FileField } from "../FileField";
import { Checkbox, RadioGroup, TextArea, TextField } from "../fields";
import { useWizardMode } from "../mode";
import { UPLOAD_ERROR_NAMES, type FormValues, type Name } from "../model";
import { type ChosenFiles, fileContentProblem, fileProblem } from "../uploads";
import { isPaperMode } from "@/domain/authorization-form";

const FORMATS = "PDF, JPG or PNG, up to 10 MB";

/**
 * The patient or a legal representative (with their authority), and the files that prove who they
 * are. On a paper form those came in the envelope: they are in the scan, or added here if they
 * came as separate sheets (optional: verification checks identity and authority before release).
 */
export function RequesterStep({ files, setFiles }: { files: ChosenFiles; setFiles: (update: (files: ChosenFiles) => ChosenFiles) => void }) {
  const { setError, clearErrors } = useFormContext<FormValues>();
  const paper = isPaperMode(useWizardMode());
  // On paper the representative is someone else: the browser must not offer the associate's own details.
  const own = (token: "name" | "tel" | "email") => (paper ? "off" : token);
  const [kind, authority, emancipated, relationship] = useWatch<
    FormValues,
    ["requester.kind", "requester.representative.authority", "patient.emancipated", "requester.representative.relative.relationship"]
  >({
    name: ["requester.kind", "requester.representative.authority", "patient.emancipated", "requester.representative.relative.relationship"],
  });
  const isRepresentative = kind === "REPRESENTATIVE";
  const uploadError = (name: string, message: string) => setError(name as Name, { type: "file", message });

  const choosePhotoId = async (chosen: File[]) => {
    const file = chosen[0];
    if (!file) return;
    const problem = fileProblem(file) ?? (await fileContentProblem(file));
    if (problem) return uploadError(UPLOAD_ERROR_NAMES.photoId, problem);
    clearErrors(UPLOAD_ERROR_NAMES.photoId as Name);
    setFiles((f) => ({ ...f, photoId: file }));
  };

  const chooseProof = async (chosen: File[]) => {
    const same = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
    const fresh = chosen.filter((f) => !files.authorityProof.some((kept) => same(kept, f)));
    const judged = await Promise.all(fresh.map(async (f) => ({ f, problem: fileProblem(f) ?? (await fileContentProblem(f)) })));
    const problems = judged.map((j) => j.problem).filter((p): p is string => p !== null);
    const accepted = judged.filter((j) => j.problem === null).map((j) => j.f);
    const room = MAX_PROOF_FILES - files.authorityProof.length;
    if (accepted.length > room) problems.push(`You can send at most ${MAX_PROOF_FILES} files of proof. Remove one to add another, or combine pages into one PDF`);
    if (problems.length > 0) uploadError(UPLOAD_ERROR_NAMES.authorityProof, problems.join(". "));
    else clearErrors(UPLOAD_ERROR_NAMES.authorityProof as Name);
    const added = accepted.slice(0, Math.max(0, room));
    if (added.length > 0) setFiles((f) => ({ ...f, authorityProof: [...f.authorityProof, ...added].slice(0, MAX_PROOF_FILES) }));
  };

  const proofHint = authority ? representativeAuthorityLabels[authority].proof : "the document that gives you authority to act for the patient";
  const emancipatedPatient = kind === "PATIENT" && emancipated === true;
  const t = useTranslations("form.requester");
  const yes = (v: boolean) => (v ? "yes" : "no");

  return (
    <>
      <RadioGroup
        name="requester.kind"
        legend={t("legend", { paper: yes(paper) })}
        options={[
          { value: "PATIENT", label: t("patient") },
          {
            value: "REPRESENTATIVE",
            label: t("representative"),
            hint: t("representativeHint"),
          },
        ]}
      />
      {kind === "PATIENT" && (
        <Checkbox
          name="patient.emancipated"
          label={t("emancipated", { paper: yes(paper) })}
          hint={t("emancipatedHint")}
        />
      )}

      {isRepresentative && (
        <>
          <h3>{paper ? "The representative" : "About you"}</h3>
          <TextField name="requester.representative.name" label={paper ? "Representative’s full name" : "Your full name"} autoComplete={own("name")} spellCheck={false} />
          <TextField
            name="requester.representative.phone"
            label={paper ? "Representative’s phone number" : "Your phone number"}
            type="tel"
            autoComplete={own("tel")}
            className="input-medium"
            hint="We call this number if we have a question about the request."
          />
          <TextField
            name="requester.representative.email"
            label={paper ? "Representative’s e-mail address (optional)" : "Your e-mail address (optional)"}
            type="email"
            autoComplete={own("email")}
            spellCheck={false}
          />
          <TextField
            name="requester.representative.relationship"
            label={paper ? "Relationship to the patient (optional)" : "Your relationship to the patient (optional)"}
            hint="For example: mother, son, attorney."
            autoComplete="off"
          />
          <RadioGroup
            name="requester.representative.authority"
            legend={paper ? "What gives the representative legal authority to act for the patient?" : "What gives you the legal authority to act for the patient?"}
            hint={paper ? "The box checked on the form." : "You upload proof of it below."}
            recheck={["requester.representative.authorityDetail", "patient.deceased"]}
            options={REPRESENTATIVE_AUTHORITIES.map((a) => ({
              value: a,
              label: representativeAuthorityLabels[a].label,
              hint: `Proof: ${representativeAuthorityLabels[a].proof}.`,
            }))}
          />
          {authority === "SURVIVING_RELATIVE" && (
            <>
              <RadioGroup
                name="requester.representative.relative.relationship"
                legend={paper ? "The relative’s relationship to the patient" : "How are you related to the patient?"}
                hint="Illinois law (735 ILCS 5/8-2001.5) lets a surviving spouse ask; when there is no surviving spouse, an adult son or daughter, a parent, or an adult brother or sister."
                options={SURVIVING_RELATIONSHIPS.map((r) => ({ value: r, label: survivingRelationshipLabels[r] }))}
              />
              <fieldset>
                <legend>{paper ? "The relative’s written statement, as checked on the form" : "Your written statement"}</legend>
                <Checkbox
                  name="requester.representative.relative.noEstateRepresentative"
                  label="No executor or administrator of the estate has been appointed, and the patient left no health care agent who can act after death"
                />
                {relationship && relationship !== "SPOUSE" && (
                  <Checkbox name="requester.representative.relative.noSurvivingSpouse" label="The patient has no surviving spouse" />
                )}
                <Checkbox
                  name="requester.representative.relative.noObjection"
                  label="To my knowledge, the patient did not object in writing to the release of their health records"
                />
              </fieldset>
            </>
          )}
          {authority === "OTHER" && (
            <TextArea
              name="requester.representative.authorityDetail"
              label={paper ? "The legal authority, as described on the form" : "Describe your legal authority"}
              hint="Say what document or law gives the right to act for the patient."
            />
          )}
        </>
      )}

      {paper ? (
        <>
          <h3>Separate sheets (optional)</h3>
          <p>
            If a copy of a photo ID{isRepresentative ? " or proof of authority" : ""} came as a separate sheet rather than in the scan, attach it
            here so it is easy to find. Either way, identity{isRepresentative ? " and authority are" : " is"} checked at verification, before any
            release.
          </p>
        </>
      ) : (
        <>
          <h3>{t("proofHeading", { representative: yes(isRepresentative) })}</h3>
          <p>{t("proofText", { representative: yes(isRepresentative) })}</p>
        </>
      )}
      <FileField
        errorName={UPLOAD_ERROR_NAMES.photoId}
        label={paper ? "Copy of a photo ID (optional)" : t("photoId")}
        hint={
          paper ? (
            <>The {isRepresentative ? "representative’s" : "patient’s"} ID, such as a driver’s license, state ID card or passport. {FORMATS}.</>
          ) : (
            <>{t("photoIdHint", { representative: yes(isRepresentative), formats: t("formats") })}</>
          )
        }
        files={files.photoId ? [files.photoId] : []}
        onChoose={choosePhotoId}
        onRemove={() => setFiles((f) => ({ ...f, photoId: null }))}
      />
      {(isRepresentative || emancipatedPatient) && (
        <FileField
          errorName={UPLOAD_ERROR_NAMES.authorityProof}
          label={emancipatedPatient ? (paper ? "The emancipation order (optional)" : "The court’s emancipation order") : paper ? "Proof of authority (optional)" : "Proof of your authority"}
          hint={
            <>
              {emancipatedPatient ? "The court order that declared the patient emancipated" : paper ? `For example ${proofHint}` : `Upload ${proofHint}`}. Up to {MAX_PROOF_FILES} files; {FORMATS} each.
            </>
          }
          multiple
          files={files.authorityProof}
          onChoose={chooseProof}
          onRemove={(index) => setFiles((f) => ({ ...f, authorityProof: f.authorityProof.filter((_, i) => i !== index) }))}
        />
      )}
    </>
  );
}
