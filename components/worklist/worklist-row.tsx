"use client";
// A table row that opens its bill on click anywhere, as staff expect of a queue. The row's links stay
// the way in for keyboard and screen-reader users (a click handler on <tr> is not focusable), so a
// click on a link, or one that ends a text selection, is left alone.
import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

export function WorklistRow({ href, children }: { href: string; children: ReactNode }) {
  const router = useRouter();
  function onClick(e: MouseEvent<HTMLTableRowElement>) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if ((e.target as HTMLElement).closest("a, button, input, select, textarea")) return;
    if (window.getSelection()?.toString()) return;
    router.push(href);
  }
  return (
    <tr onClick={onClick} className="cursor-pointer border-t border-slate-100 align-top hover:bg-brand-50/60">
      {children}
    </tr>
  );
}
