// A bill's critical reports per callout status. Each status has its own icon, word and outline style,
// so the three read apart without colour (print, colour-blind users, screen readers).
import { AlertIcon, CheckIcon, RetryIcon } from "./icons";

const STYLES = {
  Pending: { Icon: AlertIcon, className: "border-red-300 bg-red-50 text-red-800" },
  Attempted: { Icon: RetryIcon, className: "border-dashed border-amber-400 bg-amber-50 text-amber-900" },
  Done: { Icon: CheckIcon, className: "border-emerald-300 bg-emerald-50 text-emerald-800" },
} as const;

export function CalloutCounts({ pending, attempted, done }: { pending: number; attempted: number; done: number }) {
  const items = (
    [
      ["Pending", pending],
      ["Attempted", attempted],
      ["Done", done],
    ] as const
  ).filter(([, n]) => n > 0);
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map(([label, n]) => {
        const { Icon, className } = STYLES[label];
        return (
          <li key={label} className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${className}`}>
            <Icon />
            {label} {n}
          </li>
        );
      })}
    </ul>
  );
}
