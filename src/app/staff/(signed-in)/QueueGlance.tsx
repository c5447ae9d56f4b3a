import Link from "next/link";
import { REQUEST_STATUSES, statusLabels } from "@/domain/lifecycle";
import type { QueueCounts } from "@/server/staff/queue";

/** Open requests per status, overdue and "my requests", each a link to that view of the queue. */
export function QueueGlance({ counts }: { counts: QueueCounts }) {
  const statuses = REQUEST_STATUSES.filter((s) => (counts.byStatus[s] ?? 0) > 0);
  return (
    <nav aria-label="The queue at a glance" className="queue-glance">
      <ul>
        <li>
          <Link href="/staff">All open: {counts.open.toLocaleString("en-US")}</Link>
        </li>
        <li>
          <Link href="/staff?who=mine">My requests: {counts.mine.toLocaleString("en-US")}</Link>
        </li>
        <li>
          <Link href="/staff?due=overdue" className={counts.overdue > 0 ? "badge badge-danger" : undefined}>
            Overdue: {counts.overdue.toLocaleString("en-US")}
          </Link>
        </li>
        {statuses.map((s) => (
          <li key={s}>
            <Link href={`/staff?status=${s}`}>
              {statusLabels[s]}: {(counts.byStatus[s] ?? 0).toLocaleString("en-US")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
