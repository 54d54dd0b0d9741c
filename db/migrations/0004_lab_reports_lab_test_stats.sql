-- Functional dependency between lab_reports.lab_id and test_id (a test belongs to one lab), for the
-- planner. Without it the planner multiplies the selectivities of `lab_id = $lab` and a department
-- scope's `test_id = any(<the departments' tests>)` as if they were independent, underestimating a
-- department-scoped worklist's reports ~40× at 1M reports (527 estimated, 23,414 actual) and choosing
-- to list every done bill of the lab instead of walking the bills newest first: 68 → 14 ms for the
-- Done tab of a department-scoped login (bench/, cc_bench_1).
CREATE STATISTICS IF NOT EXISTS "lab_reports_lab_test_stats" (dependencies, ndistinct) ON "lab_id", "test_id" FROM "lab_reports";
--> statement-breakpoint
-- Extended statistics are only gathered by ANALYZE: gather them now rather than at the next autoanalyze.
ANALYZE "lab_reports";
