// A report's callout status as text plus icon (never colour alone). No hooks: rendered both by the
// server bill page and inside the client dialog.
import type { ComponentType, SVGProps } from "react";
import { type CriticalValue, STATUS_LABEL } from "@/domain/critical/status";
import { AlertCircleIcon, CheckCircleIcon, ClockIcon, MinusCircleIcon, PhoneRetryIcon } from "./icons";

const STYLE: Record<CriticalValue, { className: string; Icon: ComponentType<SVGProps<SVGSVGElement>> }> = {
  // Pending is the one state that asks for action now: the red accent.
  1: { className: "border-red-200 bg-red-50 text-red-800", Icon: ClockIcon },
  4: { className: "border-amber-200 bg-amber-50 text-amber-900", Icon: PhoneRetryIcon },
  2: { className: "border-brand-100 bg-brand-50 text-brand-800", Icon: CheckCircleIcon },
  0: { className: "border-slate-200 bg-white text-slate-600", Icon: MinusCircleIcon },
  3: { className: "border-slate-300 bg-slate-50 text-slate-700", Icon: AlertCircleIcon },
};

export function StatusBadge({ status }: { status: number }) {
  const style = STYLE[status as CriticalValue] ?? STYLE[0];
  const label = STATUS_LABEL[status as CriticalValue] ?? `Status ${status}`;
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${style.className}`}>
      <style.Icon className="h-3.5 w-3.5 shrink-0" />
      {label}
    </span>
  );
}
