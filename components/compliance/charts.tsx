"use client";
// The compliance page's two charts, drawn as SVG with visx (scales, shapes and axes only: ~24 kB
// gzip, loaded on this page alone through charts-lazy.tsx). Each chart is one labelled image for a
// screen reader; the table beside it carries the numbers.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line, LinePath } from "@visx/shape";

const W = 640;
const H = 260;
const M = { top: 24, right: 16, bottom: 44, left: 48 };
const INK = "#0f1f2e";
const BRAND = "#1f6f86";
const LATE = "#b45309";
const TARGET = "#b91c1c";
const tick = { fill: "#334155", fontSize: 11, fontFamily: "inherit" } as const;

export interface HistogramChartProps {
  bins: { from: number; to: number | null; count: number }[];
  targetMinutes: number;
  width: number;
  summary: string;
}

export function NotifyHistogramChart({ bins, targetMinutes, width, summary }: HistogramChartProps) {
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const maxMinutes = bins.length * width;
  const x = scaleLinear({ domain: [0, maxMinutes], range: [0, innerW] });
  const y = scaleLinear({ domain: [0, Math.max(1, ...bins.map((b) => b.count))], range: [innerH, 0], nice: true });
  const targetX = x(Math.min(targetMinutes, maxMinutes));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={summary}>
      <Group left={M.left} top={M.top}>
        {bins.map((b) => {
          const x0 = x(b.from);
          const h = innerH - y(b.count);
          return <Bar key={b.from} x={x0 + 1} y={innerH - h} width={Math.max(0, x(b.from + width) - x0 - 2)} height={h} fill={b.from >= targetMinutes ? LATE : BRAND} />;
        })}
        <Line from={{ x: targetX, y: -8 }} to={{ x: targetX, y: innerH }} stroke={TARGET} strokeWidth={2} strokeDasharray="6 3" />
        <text x={targetX + 6} y={-10} fill={TARGET} fontSize={12} fontWeight={600}>
          Target {targetMinutes} min
        </text>
        <AxisLeft scale={y} numTicks={5} tickFormat={(v) => String(v)} stroke={INK} tickStroke={INK} tickLabelProps={() => ({ ...tick, textAnchor: "end", dx: -4, dy: 3 })} />
        <AxisBottom
          top={innerH}
          scale={x}
          tickValues={bins.map((b) => b.from).concat(maxMinutes)}
          tickFormat={(v) => (Number(v) === maxMinutes ? "" : Number(v) === bins[bins.length - 1].from ? `${v}+` : String(v))}
          stroke={INK}
          tickStroke={INK}
          tickLabelProps={() => ({ ...tick, textAnchor: "middle" })}
          label="Minutes from result to notification"
          labelProps={{ ...tick, fontSize: 12, textAnchor: "middle" }}
        />
      </Group>
    </svg>
  );
}

export interface TrendChartProps {
  points: { key: string; label: string; within_target_pct: number | null; critical_reports: number }[];
  summary: string;
}

export function TrendChart({ points, summary }: TrendChartProps) {
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const x = scaleBand({ domain: points.map((p) => p.key), range: [0, innerW], padding: 0.3 });
  const y = scaleLinear({ domain: [0, 100], range: [innerH, 0] });
  const cx = (p: { key: string }) => (x(p.key) ?? 0) + x.bandwidth() / 2;
  const measured = points.filter((p) => p.within_target_pct !== null);
  const short = (key: string) => {
    const [yy, mm] = key.split("-");
    return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(mm) - 1]} \u2019${yy.slice(2)}`;
  };
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={summary}>
      <Group left={M.left} top={M.top}>
        {[25, 50, 75, 100].map((v) => (
          <Line key={v} from={{ x: 0, y: y(v) }} to={{ x: innerW, y: y(v) }} stroke="#e2e8f0" />
        ))}
        <LinePath data={measured} x={cx} y={(p) => y(p.within_target_pct ?? 0)} stroke={BRAND} strokeWidth={2.5} />
        {measured.map((p) => (
          <circle key={p.key} cx={cx(p)} cy={y(p.within_target_pct ?? 0)} r={4} fill={BRAND} />
        ))}
        <AxisLeft scale={y} tickValues={[0, 25, 50, 75, 100]} tickFormat={(v) => `${v}%`} stroke={INK} tickStroke={INK} tickLabelProps={() => ({ ...tick, textAnchor: "end", dx: -4, dy: 3 })} />
        <AxisBottom top={innerH} scale={x} tickFormat={(k) => short(String(k))} stroke={INK} tickStroke={INK} tickLabelProps={() => ({ ...tick, textAnchor: "middle" })} label="Share notified within target, by month" labelProps={{ ...tick, fontSize: 12, textAnchor: "middle" }} />
      </Group>
    </svg>
  );
}
