"use client";
// The charts load on the compliance page only, after it has rendered: the figures and their tables
// are server-rendered and complete without them, and no other page ships the chart code.
import dynamic from "next/dynamic";

const placeholder = () => <div className="aspect-[640/260] w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />;

export const NotifyHistogramChart = dynamic(() => import("./charts").then((m) => m.NotifyHistogramChart), { ssr: false, loading: placeholder });
export const TrendChart = dynamic(() => import("./charts").then((m) => m.TrendChart), { ssr: false, loading: placeholder });
