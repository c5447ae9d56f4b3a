import "server-only";
import type { NotificationTemplate } from "@/generated/prisma/client";
import type { Tx } from "../db";
import { sendNotificationJob, transactionExecutor, type NotificationJob } from "./queue";

export type NotificationInput = {
  requestId: string | null;
  template: NotificationTemplate;
  /** One per event: the same key never makes a second message. */
  idempotencyKey: string;
  toAddress: string;
  /** Values for the message that are not stored on the row (ACCESS_CODE's code); kept in the job only. */
  params?: NotificationJob["params"];
};

/**
 * Puts a notification in the outbox: the Notification row and its pg-boss job, both written with
 * `tx`, the transaction of the change that causes the message — they commit with it or not at
 * all. An idempotency key that already has its row adds nothing and does not fail the caller's
 * transaction (the event already has its message); the answer is then null.
 */
export async function enqueueNotification(tx: Tx, input: NotificationInput): Promise<{ id: string } | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("requestId", "template", "idempotencyKey", "toAddress")
    VALUES (${input.requestId}::uuid, ${input.template}::"NotificationTemplate", ${input.idempotencyKey}, ${input.toAddress})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`;
  if (!row) return null;
  await sendNotificationJob(transactionExecutor(tx), { notificationId: row.id, ...(input.params ? { params: input.params } : {}) });
  return { id: row.id };
}
