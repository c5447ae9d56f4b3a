"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { REPRESENTATIVE_AUTHORITIES } from "@/domain/authorization-form";
import { representativeAuthorityLabels, survivingRelationshipLabels } from "@/domain/labels";
import { AUTHORITY_LABEL, AUTHORITY_PROOF, SURVIVING_RELATIONSHIP_LABEL } from "@/i18n/label-keys";
import { problem } from "@/domain/problems";
import { useProblemText } from "@/i18n/useProblemText";
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
  const problemText = useProblemText();
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
    if (accepted.length > room) problems.push(problem("errors.tooManyProofs", { max: MAX_PROOF_FILES }));
    if (problems.length > 0) uploadError(UPLOAD_ERROR_NAMES.authorityProof, problems.length === 1 ? problems[0]! : problems.map(problemText).join(". "));
    else clearErrors(UPLOAD_ERROR_NAMES.authorityProof as Name);
    const added = accepted.slice(0, Math.max(0, room));
    if (added.length > 0) setFiles((f) => ({ ...f, authorityProof: [...f.authorityProof, ...added].slice(0, MAX_PROOF_FILES) }));
  };

  const t = useTranslations("form.requester");
  const tAll = useTranslations();
  // Staff (paper) pages are English only: their wording stays here; the requester's comes from the catalogue.
  const proofHint = paper ? (authority ? representativeAuthorityLabels[authority].proof : representativeAuthorityLabels.OTHER.proof) : tAll(AUTHORITY_PROOF[authority ?? "OTHER"]);
  const emancipatedPatient = kind === "PATIENT" && emancipated === true;
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
          <h3>{paper ? "The representative" : t("aboutYou")}</h3>
          <TextField name="requester.representative.name" label={paper ? "Representative’s full name" : t("yourName")} autoComplete={own("name")} spellCheck={false} />
          <TextField
            name="requester.representative.phone"
            label={paper ? "Representative’s phone number" : t("yourPhone")}
            type="tel"
            autoComplete={own("tel")}
            className="input-medium"
            hint={t("yourPhoneHint")}
          />
          <TextField
            name="requester.representative.email"
            label={paper ? "Representative’s e-mail address (optional)" : t("yourEmail")}
            type="email"
            autoComplete={own("email")}
            spellCheck={false}
          />
          <TextField
            name="requester.representative.relationship"
            label={paper ? "Relationship to the patient (optional)" : t("yourRelationship")}
            hint={t("relationshipHint")}
            autoComplete="off"
          />
          <RadioGroup
            name="requester.representative.authority"
            legend={paper ? "What gives the representative legal authority to act for the patient?" : t("authorityLegend")}
            hint={paper ? "The box checked on the form." : t("authorityHint")}
            recheck={["requester.representative.authorityDetail", "patient.deceased"]}
            options={REPRESENTATIVE_AUTHORITIES.map((a) => ({
              value: a,
              label: paper ? representativeAuthorityLabels[a].label : tAll(AUTHORITY_LABEL[a]),
              hint: paper ? `Proof: ${representativeAuthorityLabels[a].proof}.` : t("proofLine", { proof: tAll(AUTHORITY_PROOF[a]) }),
            }))}
          />
          {authority === "SURVIVING_RELATIVE" && (
            <>
              <RadioGroup
                name="requester.representative.relative.relationship"
                legend={paper ? "The relative’s relationship to the patient" : t("relativeLegend")}
                hint={t("relativeHint")}
                options={SURVIVING_RELATIONSHIPS.map((r) => ({ value: r, label: paper ? survivingRelationshipLabels[r] : tAll(SURVIVING_RELATIONSHIP_LABEL[r]) }))}
              />
              <fieldset>
                <legend>{paper ? "The relative’s written statement, as checked on the form" : t("statementLegend")}</legend>
                <Checkbox
                  name="requester.representative.relative.noEstateRepresentative"
                  label={t("noEstate")}
                />
                {relationship && relationship !== "SPOUSE" && (
                  <Checkbox name="requester.representative.relative.noSurvivingSpouse" label={t("noSpouse")} />
                )}
                <Checkbox
                  name="requester.representative.relative.noObjection"
                  label={t("noObjection")}
                />
              </fieldset>
            </>
          )}
          {authority === "OTHER" && (
            <TextArea
              name="requester.representative.authorityDetail"
              label={paper ? "The legal authority, as described on the form" : t("describeAuthority")}
              hint={t("describeAuthorityHint")}
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
          label={emancipatedPatient ? (paper ? "The emancipation order (optional)" : t("emancipationOrder")) : paper ? "Proof of authority (optional)" : t("proofOfYourAuthority")}
          hint={
            paper ? (
              <>
                {emancipatedPatient ? "The court order that declared the patient emancipated" : `For example ${proofHint}`}. Up to {MAX_PROOF_FILES} files; {FORMATS} each.
              </>
            ) : emancipatedPatient ? (
              t("emancipationHint", { max: MAX_PROOF_FILES, formats: t("formats") })
            ) : (
              t("proofUploadHint", { proof: proofHint, max: MAX_PROOF_FILES, formats: t("formats") })
            )
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
