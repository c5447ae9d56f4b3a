import "server-only";
import { type FeeSchedule, scheduleFor } from "@/domain/fees";
import { db } from "./db";
import { feePolicy } from "./settings";

/**
 * What the requester's fee estimate needs (issue 13): the Illinois schedule in force for a request
 * received now (the one staff will price it with) and the organization's fee policy.
 */
export async function feeFactsNow(now = new Date()) {
  const schedules = await db().feeSchedule.findMany();
  const schedule = scheduleFor(now, schedules);
  const plain: FeeSchedule | null = schedule
    ? {
        year: schedule.year,
        handlingCents: schedule.handlingCents,
        pages1To25Cents: schedule.pages1To25Cents,
        pages26To50Cents: schedule.pages26To50Cents,
        pagesOver50Cents: schedule.pagesOver50Cents,
        microformPageCents: schedule.microformPageCents,
        electronicPercent: schedule.electronicPercent,
        source: schedule.source,
      }
    : null;
  return { schedule: plain, policy: await feePolicy() };
}
