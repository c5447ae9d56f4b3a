import type { Metadata } from "next";
import { formatCents, formatDateTime } from "@/domain/format";
import { scheduleYearOn } from "@/domain/fees";
import { chicagoYear, todayInChicago } from "@/domain/chicago";
import { listFeeSchedules } from "@/server/staff/fee-schedules";
import { requireStaffPage } from "@/server/staff/session";
import { ScheduleForm } from "./ScheduleForm";

export const metadata: Metadata = { title: "Illinois fee schedules" };
export const dynamic = "force-dynamic";

/** The Illinois copying-fee maximums by year (735 ILCS 5/8-2001(d), adjusted each 20 January by 8-2006), entered by administrators. */
export default async function FeeSchedulesPage() {
  const staff = await requireStaffPage("fees.schedule");
  const schedules = (await listFeeSchedules(staff)) ?? [];
  const inForce = scheduleYearOn(todayInChicago());
  const missing = !schedules.some((s) => s.year === inForce);
  return (
    <div className="container section stack">
      <h1>Illinois fee schedules</h1>
      <p>
        Each January the Illinois Comptroller publishes the year&apos;s maximum copying fees (735 ILCS 5/8-2001(d), adjusted under 8-2006), in force from 20 January. Enter them here with their source; a
        request received in a year with no schedule is priced from the latest earlier one, and staff are told so.
      </p>
      {missing ? (
        <div className="notice" role="status">
          <p>The {inForce} schedule has not been entered: requests are priced from an earlier year until it is.</p>
        </div>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Fee schedules by year">
        <table>
          <caption className="visually-hidden">Fee schedules by year</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col" className="numeric">Handling</th>
              <th scope="col" className="numeric">Pages 1–25</th>
              <th scope="col" className="numeric">26–50</th>
              <th scope="col" className="numeric">Over 50</th>
              <th scope="col" className="numeric">Microform</th>
              <th scope="col" className="numeric">Electronic</th>
              <th scope="col">Source</th>
              <th scope="col">Entered</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.year}>
                <th scope="row">{s.year}</th>
                <td className="numeric">{formatCents(s.handlingCents)}</td>
                <td className="numeric">{formatCents(s.pages1To25Cents)}</td>
                <td className="numeric">{formatCents(s.pages26To50Cents)}</td>
                <td className="numeric">{formatCents(s.pagesOver50Cents)}</td>
                <td className="numeric">{formatCents(s.microformPageCents)}</td>
                <td className="numeric">{s.electronicPercent}%</td>
                <td>{s.source}</td>
                <td>{s.enteredAt ? formatDateTime(s.enteredAt) : "Seeded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Enter or correct a year</h2>
      <ScheduleForm nextYear={Math.max(chicagoYear(new Date()), ...schedules.map((s) => s.year + 1))} />
    </div>
  );
}
