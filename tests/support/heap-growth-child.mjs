// A busy process in miniature: ~64 MB of objects it keeps, and a stream of short-lived ones, as a server
// under load. Prints the most heap V8 reserved meanwhile. Run by tests/unit/heap-growth.test.ts.
const { applyHeapGrowth } = await import(process.env.HEAP_GROWTH_MODULE);
applyHeapGrowth();
const kept = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `entry ${i}`, a: [i, i + 1] }));
let reserved = 0;
for (let round = 0; round < 3000; round++) {
  const garbage = Array.from({ length: 20_000 }, (_, i) => ({ i, s: `g ${i}` }));
  if (garbage.length !== 20_000) throw new Error("unreachable");
  reserved = Math.max(reserved, process.memoryUsage().heapTotal);
}
console.log(JSON.stringify({ kept: kept.length, reservedMb: reserved / 2 ** 20, usedMb: process.memoryUsage().heapUsed / 2 ** 20 }));
