"use client";
// The live indicator and its event stream, loaded after the page has hydrated: the stream cannot
// start before that anyway, and the bill page's first load stays within its budget (DESIGN §8).
import dynamic from "next/dynamic";

export const LiveRefresh = dynamic(() => import("./live-refresh").then((m) => m.LiveRefresh), {
  ssr: false,
  loading: () => <p className="text-xs text-slate-500">Connecting…</p>,
});
