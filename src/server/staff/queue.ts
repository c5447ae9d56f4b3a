import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { dayToDateOnly } from "@/domain/chicago";
import { dashboardWindow } from "@/domain/dashboard";
import { classifyQueueSearch } from "@/domain/queue-search";
import { REQUEST_STATUSES } from "@/domain/lifecycle";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { StaffIdentity } from "./auth";

export const PAGE_SIZE = 25;

/** What the queue's URL may say. Anything else is ignored, never an error page. */
export const queueQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  delivery: z.enum(["SECURE_EMAIL", "MAIL", "PICKUP"]).optional().catch(undefined),
  /** Online, or paper forms keyed in by staff: the queue holds both (RULES.md §1). */
  source: z.enum(["ONLINE", "PAPER"]).optional().catch(undefined),
  /** overdue, due within 5 days, due this week (today + 6 days in Chicago), or past our own response commitment and not yet released. */
  due: z.enum(["overdue", "soon", "week", "commitment"]).optional().catch(undefined),
  who: z.enum(["mine", "unassigned"]).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  /** Keyset cursor: the due date and id of the last row of the previous page. */
  after: z
    .string()
    .regex(/^\d{13}_[0-9a-f-]{36}$/)
    .optional()
    .catch(undefined),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export type QueueRow = {
  id: string;
  confirmationNumber: string;
  source: "ONLINE" | "PAPER";
  patientName: string;
  patientDateOfBirth: Date;
  requesterKind: "PATIENT" | "REPRESENTATIVE";
  /** The organisation that asked the patient to sign (a third-party request), if any. */
  requestedBy: string | null;
  deliveryMethod: "SECURE_EMAIL" | "MAIL" | "PICKUP";
  status: (typeof REQUEST_STATUSES)[number];
  receivedAt: Date;
  dueAt: Date;
  /** Our response commitment (docs/decisions/0020); null for requests received before it. */
  commitmentDueAt: Date | null;
  releasedAt: Date | null;
  assigneeName: string | null;
};

const DAY = 86_400_000;

/**
 * One page of the queue, sorted by due date (then id), with keyset pagination: each page is an
 * index range scan from the cursor, as fast on page 1,000 as on page 1, and as fast with a
 * million closed requests behind it as with none (docs/performance.md). Open requests only,
 * unless a status is chosen. The view is audited (it shows patients' names).
 */
export async function queuePage(staff: StaffIdentity, query: QueueQuery, now = new Date()): Promise<{ rows: QueueRow[]; next: string | null }> {
  // Open means closedAt is null (a CHECK constraint ties it to the closed statuses), which the
  // (closedAt, dueAt, id) index serves in order; a chosen status has its (status, dueAt, id) index.
  const conditions: Prisma.AuthorizationRequestWhereInput[] = [query.status ? { status: query.status } : { closedAt: null }];
  if (query.delivery) conditions.push({ deliveryMethod: query.delivery });
  if (query.source) conditions.push({ source: query.source });
  if (query.due === "overdue") conditions.push({ dueAt: { lt: now } });
  if (query.due === "soon") conditions.push({ dueAt: { gte: now, lte: new Date(now.getTime() + 5 * DAY) } });
  if (query.due === "week") conditions.push({ dueAt: { gte: now, lte: dashboardWindow(now).weekEnd } });
  if (query.due === "commitment") conditions.push({ commitmentDueAt: { lt: now }, releasedAt: null });
  if (query.who === "mine") conditions.push({ assigneeId: staff.id });
  if (query.who === "unassigned") conditions.push({ assigneeId: null });
  if (query.q) conditions.push(await searchCondition(query.q));
  if (query.after) {
    const [ms, id] = query.after.split("_") as [string, string];
    const dueAt = new Date(Number(ms));
    // (dueAt, id) > cursor; the first half alone is what lets the index start at the cursor.
    conditions.push({ dueAt: { gte: dueAt } }, { OR: [{ dueAt: { gt: dueAt } }, { dueAt, id: { gt: id } }] });
  }

  const found = await db().authorizationRequest.findMany({
    where: { AND: conditions },
    // closedAt is null on every open row, so sorting by it first changes nothing but tells
    // PostgreSQL that the (closedAt, dueAt, id) index already has the rows in order: it reads one
    // page and stops, instead of sorting every open request.
    orderBy: query.status ? [{ dueAt: "asc" }, { id: "asc" }] : [{ closedAt: "asc" }, { dueAt: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      confirmationNumber: true,
      source: true,
      patientFirstName: true,
      patientLastName: true,
      patientDateOfBirth: true,
      requesterKind: true,
      thirdPartyRequester: { select: { organization: true } },
      deliveryMethod: true,
      status: true,
      receivedAt: true,
      dueAt: true,
      commitmentDueAt: true,
      releasedAt: true,
      assignee: { select: { name: true } },
    },
  });
  const rows = found.slice(0, PAGE_SIZE).map((r) => ({
    id: r.id,
    confirmationNumber: r.confirmationNumber,
    source: r.source,
    patientName: `${r.patientLastName}, ${r.patientFirstName}`,
    patientDateOfBirth: r.patientDateOfBirth,
    requesterKind: r.requesterKind,
    requestedBy: r.thirdPartyRequester?.organization ?? null,
    deliveryMethod: r.deliveryMethod,
    status: r.status,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    commitmentDueAt: r.commitmentDueAt,
    releasedAt: r.releasedAt,
    assigneeName: r.assignee?.name ?? null,
  }));
  const last = rows.at(-1);
  await recordAudit(db(), {
    actor: { type: "STAFF", id: staff.id, role: staff.role },
    action: "queue.viewed",
    objectType: "Queue",
    details: { rows: rows.length, filtered: Boolean(query.status || query.delivery || query.source || query.due || query.who), searched: Boolean(query.q) },
  });
  return { rows, next: found.length > PAGE_SIZE && last ? `${last.dueAt.getTime()}_${last.id}` : null };
}

/**
 * The search as an indexed condition (src/domain/queue-search.ts): confirmation number (unique),
 * invoice number (unique, looked up first), date of birth (btree), e-mail or name words (trigram
 * GIN indexes; migration 20261129200500_queue_search).
 */
async function searchCondition(q: string): Promise<Prisma.AuthorizationRequestWhereInput> {
  const search = classifyQueueSearch(q);
  if (!search) return {};
  switch (search.kind) {
    case "confirmation":
      return { confirmationNumber: search.value };
    case "invoice": {
      const invoice = await db().invoice.findUnique({ where: { number: search.value }, select: { requestId: true } });
      return invoice ? { id: invoice.requestId } : { id: { in: [] } };
    }
    case "dateOfBirth":
      return { patientDateOfBirth: dayToDateOnly(search.value) };
    case "email":
      return { OR: (["patientEmail", "representativeEmail", "deliveryEmail"] as const).map((field) => ({ [field]: { contains: search.value, mode: "insensitive" as const } })) };
    case "name":
      return {
        AND: search.words.map((w) => ({
          OR: [
            { patientLastName: { startsWith: w, mode: "insensitive" as const } },
            { patientFirstName: { startsWith: w, mode: "insensitive" as const } },
            // The requester's name when a representative asks (a patient asking is the patient).
            { representativeName: { contains: w, mode: "insensitive" as const } },
          ],
        })),
      };
  }
}

export type QueueCounts = { byStatus: Partial<Record<(typeof REQUEST_STATUSES)[number], number>>; open: number; overdue: number; mine: number };

/**
 * The queue at a glance: open requests per status, how many are overdue, and how many are this
 * staff member's. Each count reads only open requests, through the (closedAt, dueAt, id) and
 * (assigneeId, dueAt, id) indexes, so it stays the same size however long the history.
 */
export async function queueCounts(staff: StaffIdentity, now = new Date()): Promise<QueueCounts> {
  const [groups, overdue, mine] = await Promise.all([
    db().authorizationRequest.groupBy({ by: ["status"], where: { closedAt: null }, _count: { _all: true } }),
    db().authorizationRequest.count({ where: { closedAt: null, dueAt: { lt: now } } }),
    db().authorizationRequest.count({ where: { assigneeId: staff.id, closedAt: null } }),
  ]);
  const byStatus = Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  return { byStatus, open: groups.reduce((sum, g) => sum + g._count._all, 0), overdue, mine };
}
