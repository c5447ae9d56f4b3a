"use client";

import { useWatch } from "react-hook-form";
import { authorityInSentence } from "@/domain/authority-phrase";
import { TextField } from "../fields";
import { signingDecision, type FormValues } from "../model";

/**
 * Paper mode: the signature as written on the form. The required statements and how fees work are
 * printed on the form the person signed, so there is nothing to acknowledge here; what is keyed in
 * is who signed and when (the scan is the signature itself).
 */
export function PaperSignatureStep({ today }: { today: string }) {
  const values = useWatch<FormValues>();
  const requester = values.requester;
  const patientName = [values.patient?.firstName, values.patient?.lastName].filter(Boolean).join(" ").trim();
  const representative = requester?.kind === "REPRESENTATIVE" ? requester.representative : undefined;
  const authority = representative?.authority ? authorityInSentence(representative.authority, representative.authorityDetail) : undefined;
  const signer = (representative ? representative.name : patientName)?.trim();
  const decision = signingDecision(values, today);

  return (
    <>
      <p>
        The statements about revoking, treatment not depending on signing, records being shared again, and how fees work are printed on
        the paper form: the signature covers them.
      </p>
      {representative && (
        <div className="notice notice-info">
          <p>
            Signed by a representative: <strong>{authority ? authority.toLowerCase() : "a legal representative"}</strong>, for{" "}
            <strong>{patientName || "the patient"}</strong>.
          </p>
        </div>
      )}
      <TextField
        name="signature.signerName"
        label="Name as signed on the form"
        autoComplete="off"
        spellCheck={false}
        hint={
          signer
            ? `The name printed next to the signature. It must be the ${representative ? "representative’s" : "patient’s"} name as keyed in earlier: ${signer}.`
            : "The name printed next to the signature."
        }
      />
      <TextField
        name="signature.signedOn"
        label="Date signed on the form"
        type="date"
        className="input-medium"
        autoComplete="off"
        hint="The date written next to the signature."
      />
      {decision?.minorSignature && (
        <TextField
          name="signature.minorName"
          label="The patient’s own signature: the name as signed by the patient"
          hint={`${decision.minorSignature.reason} Type the name the patient signed on the form${patientName ? ` (it must be the patient’s: ${patientName})` : ""}.`}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {decision?.witness && (
        <div className="notice notice-info">
          <p>{decision.witness.reason}</p>
        </div>
      )}
    </>
  );
}
