// First-load JavaScript of a page: the /_next/static chunks its server-rendered HTML references with
// <script src>, fetched from the running production server as a logged-in user and gzipped here
// (zlib default level, what a server's on-the-fly gzip sends). Also checks that the callout modal's
// code is not among them: the build's chunks holding the modal's own strings must be fetched on demand.
//
// CLI: tsx bench/bundle-size.ts <baseURL> <billId> [username] (password demo1234; NEXT_DIST_DIR the
// build folder, default .next-bench).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Strings only the modal (critical-callout-modal.tsx) renders. */
export const MODAL_MARKERS = ["Marking as done", "Save attempt"];
export const BILL_PAGE_BUDGET_KB = 150;

export interface PageBundle {
  name: string;
  path: string;
  status: number;
  chunks: { src: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
  /** Modal chunks (by file name) found among this page's first-load chunks. */
  modalInFirstLoad: string[];
  /** `<script noModule>` chunks (legacy polyfills), not counted: modern browsers skip them. */
  noModule: { src: string; gzip: number }[];
}

export interface BundleReport {
  pages: PageBundle[];
  /** Build chunks that hold the modal's strings (its on-demand chunks), with their gzip size. */
  modalChunks: { file: string; gzip: number }[];
}

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    out = statSync(p).isDirectory() ? out.concat(walk(p)) : out.concat(p);
  }
  return out;
}

/** The page's /_next/static <script src> chunks; `noModule` ones (legacy polyfills, which modern
 * browsers neither download nor run) apart. */
export function scriptSources(html: string): { modern: string[]; noModule: string[] } {
  const modern = new Set<string>();
  const noModule = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(m[1])?.[1]?.replace(/&amp;/g, "&");
    if (!src?.includes("/_next/static/")) continue;
    (/\snomodule\b/i.test(m[1]) ? noModule : modern).add(src);
  }
  return { modern: [...modern], noModule: [...noModule] };
}

export async function measureBundles(opts: {
  baseURL: string;
  cookie: string;
  pages: { name: string; path: string }[];
  distDir: string;
}): Promise<BundleReport> {
  const chunkDir = path.join(opts.distDir, "static");
  const modalChunks = walk(chunkDir)
    .filter((f) => f.endsWith(".js"))
    .flatMap((f) => {
      const text = readFileSync(f);
      return MODAL_MARKERS.some((m) => text.includes(m)) ? [{ file: path.relative(chunkDir, f), gzip: gzipSync(text).length }] : [];
    });
  const pages: PageBundle[] = [];
  for (const page of opts.pages) {
    const res = await fetch(new URL(page.path, opts.baseURL), { headers: { cookie: opts.cookie }, redirect: "manual" });
    const html = await res.text();
    const chunks: PageBundle["chunks"] = [];
    const sources = scriptSources(html);
    const get = async (src: string) => Buffer.from(await (await fetch(new URL(src, opts.baseURL))).arrayBuffer());
    for (const src of sources.modern) {
      const body = await get(src);
      chunks.push({ src, bytes: body.length, gzip: gzipSync(body).length });
    }
    const noModule = [];
    for (const src of sources.noModule) noModule.push({ src, gzip: gzipSync(await get(src)).length });
    pages.push({
      ...page,
      status: res.status,
      chunks,
      totalBytes: chunks.reduce((s, c) => s + c.bytes, 0),
      totalGzip: chunks.reduce((s, c) => s + c.gzip, 0),
      noModule,
      modalInFirstLoad: modalChunks
        .map((m) => m.file)
        .filter((file) => chunks.some((c) => decodeURIComponent(c.src.split("?")[0]).endsWith(file.split(path.sep).join("/")))),
    });
  }
  return { pages, modalChunks };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function bundleLines(r: BundleReport): string[] {
  const lines = r.pages.map(
    (p) =>
      `${p.name.padEnd(10)} ${p.path.padEnd(18)} HTTP ${p.status}  ${String(p.chunks.length).padStart(2)} chunks  ${kb(p.totalBytes).padStart(9)} raw  ${kb(p.totalGzip).padStart(8)} gzip` +
      `${p.name === "bill page" ? (p.totalGzip <= BILL_PAGE_BUDGET_KB * 1024 ? `  (budget ${BILL_PAGE_BUDGET_KB} kB: met)` : `  (budget ${BILL_PAGE_BUDGET_KB} kB: MISSED)`) : ""}` +
      `  modal in first load: ${p.modalInFirstLoad.length ? `YES (${p.modalInFirstLoad.join(", ")})` : "no"}` +
      `${p.noModule.length ? `  (+ ${kb(p.noModule.reduce((s, c) => s + c.gzip, 0))} gzip noModule polyfills, not loaded by modern browsers)` : ""}`,
  );
  lines.push(
    r.modalChunks.length
      ? `modal chunks (loaded on demand): ${r.modalChunks.map((m) => `${m.file} ${kb(m.gzip)} gzip`).join(", ")}`
      : `modal chunks: none found with markers ${JSON.stringify(MODAL_MARKERS)} (check inconclusive)`,
  );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseURL, billId, username = "bench.support1"] = process.argv.slice(2);
  if (!baseURL || !billId) {
    console.error("usage: tsx bench/bundle-size.ts <baseURL> <billId> [username]");
    process.exit(2);
  }
  const { login } = await import("../scripts/faults/server");
  const cookie = await login(baseURL, username);
  const report = await measureBundles({
    baseURL,
    cookie,
    distDir: process.env.NEXT_DIST_DIR ?? ".next-bench",
    pages: [
      { name: "bill page", path: `/bills/${billId}` },
      { name: "worklist", path: "/worklist" },
      { name: "compliance", path: "/compliance" },
    ],
  });
  for (const line of bundleLines(report)) console.log(line);
}
