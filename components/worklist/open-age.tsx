// Time since the oldest open report was approved: the queue's urgency. Past an hour it is flagged in
// words as well as colour (Joint Commission NPSG.02.03.01 asks labs to measure timely reporting).
import { formatAge, formatUtc } from "@/domain/format";
import { ClockIcon } from "./icons";

const OVERDUE_MS = 60 * 60_000;

export function OpenAge({ since, now }: { since: string | null; now: number }) {
  if (!since) {
    return (
      <span className="text-slate-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">None open</span>
      </span>
    );
  }
  const age = now - Date.parse(since);
  const overdue = age > OVERDUE_MS;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <time dateTime={since} title={`Approved ${formatUtc(since)}`} className={overdue ? "font-semibold text-red-800" : "text-slate-800"}>
        {formatAge(age)}
      </time>
      {overdue && (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-red-800">
          <ClockIcon />
          over 1 h
        </span>
      )}
    </span>
  );
}
