import { daysRemaining } from "@/domain/deadlines";
import { formatDate } from "@/domain/format";
import { plural } from "@/domain/plural";

/** Our response commitment beside the legal due date (docs/decisions/0020): met, missed, or days left — in words, not colour alone. */
export function CommitmentDue({ commitmentDueAt, releasedAt, now }: { commitmentDueAt: Date | null; releasedAt: Date | null; now: Date }) {
  if (!commitmentDueAt) return <>—</>;
  if (releasedAt) return <>{formatDate(commitmentDueAt)} {releasedAt.getTime() <= commitmentDueAt.getTime() ? <span className="badge">Met</span> : <span className="badge">Released late</span>}</>;
  const left = daysRemaining(commitmentDueAt, now);
  return (
    <>
      {formatDate(commitmentDueAt)}
      {left < 0 ? <strong className="badge badge-warning"> Missed by {plural(-left, "day")}</strong> : <span> ({plural(left, "day")} left)</span>}
    </>
  );
}
