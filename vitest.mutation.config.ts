// Vitest config for mutation runs (stryker.config.mjs): the same resolution and global setup as
// vitest.config.ts, with the test files narrowed by MUTATION_TESTS (a glob) so that a run on the
// pure layer does not pay a database clone per mutant.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: { ...base.test, include: [process.env.MUTATION_TESTS ?? "tests/**/*.test.ts"] },
});
