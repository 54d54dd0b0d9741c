// The headline figures against the lab's target and the published anchors (Q-Probes 2008, Howanitz
// 2002). Each says in words how it compares, so nothing depends on colour alone.
import { ANCHORS, type ComplianceMeasures } from "@/contracts/compliance";
import { formatMeasure } from "@/domain/compliance/columns";

type Verdict = "good" | "bad" | null;

function Figure({ title, value, detail, anchor, verdict }: { title: string; value: string; detail: string; anchor?: string; verdict?: Verdict }) {
  const ring = verdict === "bad" ? "border-amber-400" : verdict === "good" ? "border-emerald-400" : "border-slate-200";
  return (
    <div className={`rounded-lg border-2 ${ring} bg-white p-4`}>
      <dt className="text-sm font-medium text-slate-600">{title}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-ink">{value}</dd>
      <dd className="mt-1 text-sm text-slate-700">{detail}</dd>
      {anchor ? <dd className="mt-2 border-t border-slate-100 pt-2 text-xs text-slate-600">{anchor}</dd> : null}
    </div>
  );
}

const compare = (value: number | null, anchor: number, higherIsBetter: boolean): { verdict: Verdict; words: string } => {
  if (value === null) return { verdict: null, words: "not measured" };
  const better = higherIsBetter ? value >= anchor : value <= anchor;
  return { verdict: better ? "good" : "bad", words: better ? "at or better than" : "worse than" };
};

export function HeadlineFigures({ m, targetMinutes }: { m: ComplianceMeasures; targetMinutes: number }) {
  const median = compare(m.median_minutes, ANCHORS.medianMinutes.value, false);
  const readBack = compare(m.read_back_pct, ANCHORS.readBackPct.value, true);
  const unable = compare(m.unable_to_reach_pct, ANCHORS.abandonedPct.value, false);
  const within = m.within_target_pct === null ? null : m.within_target_pct >= 90 ? "good" : "bad";
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Figure
        title={`Notified within ${targetMinutes} min (target)`}
        value={formatMeasure(m.within_target_pct, "%")}
        detail={`${m.within_target} of ${m.critical_reports} critical reports; ${m.notified} notified (${formatMeasure(m.notified_pct, "%")})`}
        verdict={within}
        anchor={m.open_overdue ? `${m.open_overdue} still open past the target` : "None open past the target"}
      />
      <Figure
        title="Median minutes to notification"
        value={formatMeasure(m.median_minutes, " min")}
        detail={`90th percentile ${formatMeasure(m.p90_minutes, " min")}`}
        verdict={median.verdict}
        anchor={`${median.words} ${ANCHORS.medianMinutes.source}`}
      />
      <Figure
        title="Read back (reached by phone)"
        value={formatMeasure(m.read_back_pct, "%")}
        detail="Of calls where a person took the result"
        verdict={readBack.verdict}
        anchor={`${readBack.words} ${ANCHORS.readBackPct.source}`}
      />
      <Figure
        title="Unable to reach"
        value={formatMeasure(m.unable_to_reach_pct, "%")}
        detail="Reports that used up their attempts or were escalated for them"
        verdict={unable.verdict}
        anchor={`${unable.words} ${ANCHORS.abandonedPct.source}`}
      />
      <Figure
        title="Acknowledged by the recipient"
        value={formatMeasure(m.acknowledged_pct, "%")}
        detail={m.median_ack_minutes === null ? "Of notified reports; none acknowledged yet" : `Of notified reports; median ${formatMeasure(m.median_ack_minutes, " min")} after the callout`}
      />
      <Figure title="Critical reports" value={String(m.critical_reports)} detail={`${m.notified} notified, ${m.open_overdue} open past the target`} />
    </dl>
  );
}
