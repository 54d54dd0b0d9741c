// @ts-check
// Mutation testing of the domain and query layers (not part of CI: CPU-heavy, minutes to hours).
// `npm run test:mutation` mutates everything below; pass `--mutate <glob>` to narrow a run.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  concurrency: 1,
  mutate: [
    "domain/**/*.ts",
    "client/worklist-url.ts",
    "server/export-xlsx.ts",
    "db/scope.ts",
    "db/queries/**/*.ts",
  ],
  // Type-only modules have nothing to mutate at run time.
  ignorePatterns: ["/.next*", "/bench/results", "/test-results", "/playwright-report", "/.data", "/reports"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  timeoutMS: 60_000,
  tempDirName: ".stryker-tmp",
};
export default config;
