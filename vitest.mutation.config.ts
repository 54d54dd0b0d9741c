// Vitest config for mutation runs (stryker.config.mjs): the same resolution and global setup as
// vitest.config.ts, with the test files narrowed by MUTATION_TESTS (a glob) so that a run on the
// pure layer does not pay a database clone per mutant. The fuzz, pool and outage suites are left
// out: they assert "no 5xx, nothing half-written" over thousands of requests or a dying database,
// which takes minutes per mutant; the behaviour suites are the ones meant to kill mutants.
import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [process.env.MUTATION_TESTS ?? "tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "tests/integration/fuzz.test.ts", "tests/integration/pool.test.ts", "tests/integration/db-outage.test.ts"],
    // Instrumented code on a shared machine runs several times slower.
    testTimeout: 180_000,
  },
});
