// The goal table `npm run bench` prints (bench/peer.ts): each endpoint's verdict from the stick's RESULT
// lines, beside the floor at the answer's size (bench/size-floor.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { peerTable, readPeer } from "../../bench/peer";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stickRun(results: string[], floor: string[], sized: string[]) {
  dir = mkdtempSync(path.join(os.tmpdir(), "cc-goal-table-"));
  writeFileSync(path.join(dir, "results.txt"), `${results.join("\n")}\n`);
  writeFileSync(path.join(dir, "floor.txt"), `${floor.join("\n")}\n`);
  if (sized.length) writeFileSync(path.join(dir, "size-floor.txt"), `${sized.join("\n")}\n`);
  return readPeer(dir);
}

const FLOOR = ["RESULT floor next-401 1 0.700 - 1000.0 0 0", "RESULT floor next-401 32 0.900 - 1000.0 0 0"];

// e2 meets everything (1.6× the peer, 83% of 1/(1/1000 + 1/5000) = 833); e1 misses all three goals.
const RESULTS = [
  "RESULT next e1 1 3.800 5.0 250.0 100 0",
  "RESULT next e1 32 40.0 60.0 300.0 100 0",
  "RESULT django e1 32 100.0 150.0 150.0 100 0",
  "RESULT rawsql e1 1 1.300 2.0 800.0 100 0",
  "RESULT rawsql e1 32 10.0 15.0 2000.0 100 0",
  "RESULT next e2 1 1.400 3.0 600.0 100 0",
  "RESULT next e2 32 30.0 50.0 690.0 100 0",
  "RESULT django e2 32 60.0 90.0 430.0 100 0",
  "RESULT rawsql e2 1 0.500 1.0 2000.0 100 0",
  "RESULT rawsql e2 32 5.0 8.0 5000.0 100 0",
];

describe("the goal table", () => {
  it("gives each endpoint its verdict and names every missed goal", () => {
    const { lines, missed } = peerTable(stickRun(RESULTS, FLOOR, []));
    const row = (name: string) => lines.find((l) => l.startsWith(`| ${name} `)) ?? "";
    expect(row("2 logs")).toMatch(/\| met \|$/);
    expect(row("2 logs")).toContain("1.60× (≥ 1.5)");
    expect(row("2 logs")).toContain("83% (≥ 80%)");
    expect(missed.filter((m) => m.startsWith("1 records"))).toEqual([
      "1 records: c32 ≥ 3× peer",
      "1 records: c32 ≥ 80% of limit 667 req/s",
      "1 records: c1 p50 ≤ 2.65 ms",
    ]);
    // Endpoint 3 was not measured: every goal is missed, never met by default.
    expect(missed.filter((m) => m.startsWith("3 callouts"))).toHaveLength(3);
  });

  it("shows the floor at the answer's size and the app's share of it", () => {
    const sized = ["RESULT sized e1 1 1.600 - 700.0 0 0 10240", "RESULT sized e1 32 - - 600.0 0 0 10240"];
    const { lines } = peerTable(stickRun(RESULTS, FLOOR, sized));
    const e1 = lines.find((l) => l.startsWith("| 1 records ")) ?? "";
    expect(e1).toContain("| 1.60 ms · 600 (10.0 kB) |");
    expect(e1).toContain("| 50% |"); // 300 of 600 req/s
    expect(e1).toContain("≤ 2.65 ms · 2.90 ms"); // the 401 floor + 1.5 × raw; the size floor + raw
  });
});
