import "server-only";
import { type AnySubmittedForm, isPaperForm } from "@/domain/authorization-form";
import { recordAudit } from "../audit";
import { db } from "../db";
import { logger } from "../logger";
import { QUEUE_SCHEMA, SIGNED_PDF_QUEUE } from "../notifications/queue";
import { renderAuthorizationPdf } from "../pdf/authorization-pdf";
import { fileStore } from "../storage";

/**
 * The signed authorization PDF, drawn after the submission commits (docs/decisions/0021).
 *
 * The submission stores, encrypted in the file store, exactly what the PDF is drawn from — the
 * checked answers (with the drawn signatures), the confirmation number, the submission time,
 * the signing day and the "requested by" line — names that file on the request
 * (`pdfSourceKey`/`pdfSourceSha256`) and queues a job in the same transaction. The worker's job
 * (or the first reader that cannot wait: the confirmation's download, a release) draws the PDF
 * with the one renderer, stores it as the SIGNED_AUTHORIZATION document and clears the source.
 * The renderer is deterministic, so the PDF is the one the submission would have drawn itself.
 */
export type SignedPdfSource = {
  form: AnySubmittedForm;
  confirmationNumber: string;
  /** ISO instant of submission (online: the signing time). */
  submittedAt: string;
  /** The signing day in Chicago (YYYY-MM-DD). */
  today: string;
  requestedBy?: string;
};

/** The drawn signature images of a form, as PNG bytes. */
export function signatureImages(form: AnySubmittedForm): { signaturePng?: Buffer; minorSignaturePng?: Buffer } {
  if (isPaperForm(form)) return {};
  const png = (dataUrl: string | undefined) => (dataUrl ? Buffer.from(dataUrl.split(",")[1] ?? "", "base64") : undefined);
  const minor = form.signature.minor;
  return {
    signaturePng: form.signature.method === "DRAWN" ? png(form.signature.drawn) : undefined,
    minorSignaturePng: minor?.method === "DRAWN" ? png(minor.drawn) : undefined,
  };
}

/** Draws the signed authorization from its source: the same bytes for the same source. */
export async function renderSignedAuthorization(source: SignedPdfSource): Promise<Buffer> {
  return Buffer.from(
    await renderAuthorizationPdf({
      form: source.form,
      confirmationNumber: source.confirmationNumber,
      submittedAt: new Date(source.submittedAt),
      today: source.today,
      requestedBy: source.requestedBy,
      ...signatureImages(source.form),
    }),
  );
}

export function encodeSignedPdfSource(source: SignedPdfSource): Buffer {
  return Buffer.from(JSON.stringify(source), "utf8");
}

export type SignedPdfOutcome = "made" | "exists" | "none";

/**
 * Makes the request's signed authorization PDF if it does not exist yet. Safe to call from any
 * number of places at once: the request's row is locked while the PDF is drawn and stored, and
 * whoever comes second finds the document. "none": the request has neither the PDF nor a source
 * (it does not exist, or was stored before this change without one).
 */
export async function makeSignedAuthorizationPdf(requestId: string): Promise<SignedPdfOutcome> {
  let removeAfterCommit: string | null = null;
  let storedKey: string | null = null;
  try {
    const outcome = await db().$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ pdfSourceKey: string | null; pdfSourceSha256: string | null }[]>`
          SELECT "pdfSourceKey", "pdfSourceSha256" FROM "AuthorizationRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
        if (!row) return "none" as const;
        const existing = await tx.document.count({ where: { requestId, kind: "SIGNED_AUTHORIZATION" } });
        if (existing > 0) return "exists" as const;
        if (!row.pdfSourceKey || !row.pdfSourceSha256) return "none" as const;
        const source = JSON.parse((await fileStore().get(row.pdfSourceKey, row.pdfSourceSha256)).toString("utf8")) as SignedPdfSource;
        const pdf = await renderSignedAuthorization(source);
        const file = await fileStore().put(pdf);
        storedKey = file.storageKey;
        const document = await tx.document.create({
          data: { requestId, kind: "SIGNED_AUTHORIZATION", storageKey: file.storageKey, contentType: "application/pdf", sizeBytes: file.sizeBytes, sha256: file.sha256 },
          select: { id: true },
        });
        await tx.authorizationRequest.update({ where: { id: requestId }, data: { pdfSourceKey: null, pdfSourceSha256: null } });
        await recordAudit(tx, {
          actor: { type: "SYSTEM", name: "signed-pdf" },
          action: "document.generated",
          objectType: "Document",
          objectId: document.id,
          requestId,
          details: { kind: "SIGNED_AUTHORIZATION" },
        });
        removeAfterCommit = row.pdfSourceKey;
        return "made" as const;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
    storedKey = null;
    // The answers' copy has served its purpose once the PDF is committed.
    if (removeAfterCommit) await fileStore().remove(removeAfterCommit).catch(() => undefined);
    if (outcome === "made") logger.info({ requestId, event: "request.signed_pdf_made" }, "signed authorization PDF made");
    return outcome;
  } catch (error) {
    if (storedKey) await fileStore().remove(storedKey).catch(() => undefined);
    throw error;
  }
}

/** Whether the request's signed authorization PDF exists yet (the confirmation page and the portal). */
export async function signedPdfReady(requestId: string): Promise<boolean> {
  return (await db().document.count({ where: { requestId, kind: "SIGNED_AUTHORIZATION" } })) > 0;
}

/**
 * Requests whose PDF is still to be made long after submission and that have no job waiting or
 * running for it (their job was lost, or gave up while the database was away): made now. The
 * worker runs this once a minute. A PDF whose job is only waiting its turn (a backlog after a
 * burst of submissions) is left to its job, so the sweep never draws the backlog a second time
 * beside the queue (decision 0022).
 */
export async function makeOverdueSignedPdfs(olderThanMs = 60_000, limit = 100): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `SELECT r."id" FROM "AuthorizationRequest" r
     WHERE r."pdfSourceKey" IS NOT NULL AND r."receivedAt" < $1
       AND NOT EXISTS (
         SELECT 1 FROM ${QUEUE_SCHEMA}.job j
         WHERE j.name = $2 AND j.state IN ('created', 'retry', 'active') AND j.data->>'requestId' = r."id"::text)
     ORDER BY r."receivedAt" LIMIT ${Math.max(1, Math.floor(limit))}`,
    new Date(Date.now() - olderThanMs),
    SIGNED_PDF_QUEUE,
  );
  let made = 0;
  for (const row of rows) if ((await makeSignedAuthorizationPdf(row.id)) === "made") made++;
  return made;
}
