-- The worklist's tab counts from a summary the database keeps itself (reports are written by the rest of
-- the LIS too, so triggers, not the app, keep it), so they do not grow with the lab's history.
--
-- worklist_bill_departments: per bill and department, the counted reports (critical 1, 2 or 4, sample
-- collected, not dismissed) per status and the oldest open one's clock (approval, else collection).
-- worklist_tab_counts: how many bills have each (set of departments with open reports, set of
-- departments with done reports), per lab, spread over 8 slots (bill_id % 8) so that concurrent
-- callouts seldom wait on one counter row. A session that sees the departments S counts
--   Pending: bills whose open set meets S;  Done: bills whose done set meets S and whose open set does not
-- by summing at most a few hundred rows (sets × slots), however many bills the lab has done.
CREATE TABLE worklist_bill_departments (
  bill_id integer NOT NULL,
  department_id integer NOT NULL,
  lab_id integer NOT NULL,
  pending integer NOT NULL,
  attempted integer NOT NULL,
  done integer NOT NULL,
  oldest_open timestamptz,
  PRIMARY KEY (bill_id, department_id)
);
--> statement-breakpoint
CREATE TABLE worklist_tab_counts (
  lab_id integer NOT NULL,
  open_departments integer[] NOT NULL,
  done_departments integer[] NOT NULL,
  slot smallint NOT NULL,
  bills integer NOT NULL,
  PRIMARY KEY (lab_id, open_departments, done_departments, slot)
);
--> statement-breakpoint
-- Recomputes the summary of the given bills from lab_reports, and moves each bill's tab-count key from
-- its old value to its new one. One statement: every part reads the summary as it was before it.
CREATE FUNCTION worklist_summary_apply(affected integer[]) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT r.bill_id, t.department_id, r.lab_id,
      (count(*) FILTER (WHERE r.critical_values = 1))::int AS pending,
      (count(*) FILTER (WHERE r.critical_values = 4))::int AS attempted,
      (count(*) FILTER (WHERE r.critical_values = 2))::int AS done,
      min(coalesce(r.approved_at, r.sample_collected_at)) FILTER (WHERE r.critical_values IN (1, 4)) AS oldest_open
    FROM lab_reports r JOIN tests t ON t.id = r.test_id
    WHERE r.bill_id = ANY (affected) AND r.critical_values IN (1, 2, 4) AND r.dismissed = false AND r.sample_collected = true
    GROUP BY r.bill_id, t.department_id, r.lab_id
  ),
  upserted AS (
    INSERT INTO worklist_bill_departments AS s (bill_id, department_id, lab_id, pending, attempted, done, oldest_open)
    SELECT bill_id, department_id, lab_id, pending, attempted, done, oldest_open FROM fresh ORDER BY bill_id, department_id
    ON CONFLICT (bill_id, department_id) DO UPDATE SET lab_id = excluded.lab_id, pending = excluded.pending,
      attempted = excluded.attempted, done = excluded.done, oldest_open = excluded.oldest_open
    WHERE (s.lab_id, s.pending, s.attempted, s.done, s.oldest_open) IS DISTINCT FROM
      (excluded.lab_id, excluded.pending, excluded.attempted, excluded.done, excluded.oldest_open)
    RETURNING 1
  ),
  removed AS (
    DELETE FROM worklist_bill_departments s
    WHERE s.bill_id = ANY (affected) AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.bill_id = s.bill_id AND f.department_id = s.department_id)
    RETURNING 1
  ),
  keys AS (
    SELECT k.lab_id, k.bill_id,
      coalesce(array_agg(k.department_id ORDER BY k.department_id) FILTER (WHERE k.pending + k.attempted > 0), '{}') AS open_departments,
      coalesce(array_agg(k.department_id ORDER BY k.department_id) FILTER (WHERE k.done > 0), '{}') AS done_departments,
      k.delta
    FROM (
      SELECT s.bill_id, s.department_id, s.lab_id, s.pending, s.attempted, s.done, -1 AS delta
      FROM worklist_bill_departments s WHERE s.bill_id = ANY (affected)
      UNION ALL
      SELECT f.bill_id, f.department_id, f.lab_id, f.pending, f.attempted, f.done, 1 FROM fresh f
    ) k
    GROUP BY k.lab_id, k.bill_id, k.delta
  )
  INSERT INTO worklist_tab_counts AS c (lab_id, open_departments, done_departments, slot, bills)
  SELECT lab_id, open_departments, done_departments, (bill_id % 8)::smallint, sum(delta)::int
  FROM keys
  GROUP BY lab_id, open_departments, done_departments, (bill_id % 8)::smallint
  HAVING sum(delta) <> 0
  -- Counter rows in one order in every transaction: two callouts never deadlock on them.
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (lab_id, open_departments, done_departments, slot) DO UPDATE SET bills = c.bills + excluded.bills
$$;
--> statement-breakpoint
-- Statement-level: a bulk insert of a million reports recomputes each bill once. Bills are locked in
-- order (advisory, per transaction), so concurrent writers of one bill recompute one after the other,
-- each from what the other committed (READ COMMITTED, PostgreSQL's default and the app's). The locks
-- are striped, bill id modulo 256: a transaction holds at most 256 of them, where a lock per bill ran
-- the shared lock table out of memory (max_locks_per_transaction) when one statement loaded the
-- reports of 200,000 bills. Two bills of one stripe only wait for each other's short recompute.
CREATE FUNCTION worklist_summary_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.bill_id ORDER BY n.bill_id) INTO affected FROM worklist_new_rows n
    WHERE n.critical_values IN (1, 2, 4);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.bill_id ORDER BY o.bill_id) INTO affected FROM worklist_old_rows o
    WHERE o.critical_values IN (1, 2, 4);
  ELSE
    -- Only rows whose counted-ness, status, clock, department or bill changed.
    SELECT array_agg(DISTINCT b ORDER BY b) INTO affected FROM (
      SELECT unnest(ARRAY[n.bill_id, o.bill_id]) AS b
      FROM worklist_new_rows n JOIN worklist_old_rows o ON o.id = n.id
      WHERE (n.critical_values IN (1, 2, 4) OR o.critical_values IN (1, 2, 4))
        AND (n.critical_values, n.dismissed, n.sample_collected, n.approved_at, n.sample_collected_at, n.test_id, n.bill_id, n.lab_id)
          IS DISTINCT FROM (o.critical_values, o.dismissed, o.sample_collected, o.approved_at, o.sample_collected_at, o.test_id, o.bill_id, o.lab_id)
    ) x;
  END IF;
  IF affected IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(1702, s) FROM (SELECT DISTINCT b % 256 AS s FROM unnest(affected) AS b) x ORDER BY s;
  PERFORM worklist_summary_apply(affected);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lab_reports_worklist_summary_insert AFTER INSERT ON lab_reports
  REFERENCING NEW TABLE AS worklist_new_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_summary_refresh();
--> statement-breakpoint
CREATE TRIGGER lab_reports_worklist_summary_update AFTER UPDATE ON lab_reports
  REFERENCING NEW TABLE AS worklist_new_rows OLD TABLE AS worklist_old_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_summary_refresh();
--> statement-breakpoint
CREATE TRIGGER lab_reports_worklist_summary_delete AFTER DELETE ON lab_reports
  REFERENCING OLD TABLE AS worklist_old_rows FOR EACH STATEMENT EXECUTE FUNCTION worklist_summary_refresh();
--> statement-breakpoint
CREATE FUNCTION worklist_summary_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE worklist_bill_departments, worklist_tab_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lab_reports_worklist_summary_truncate AFTER TRUNCATE ON lab_reports
  FOR EACH STATEMENT EXECUTE FUNCTION worklist_summary_truncate();
--> statement-breakpoint
-- A test moved to another department moves its reports' counts.
CREATE FUNCTION worklist_summary_test_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected integer[];
BEGIN
  SELECT array_agg(DISTINCT r.bill_id ORDER BY r.bill_id) INTO affected FROM lab_reports r WHERE r.test_id = NEW.id;
  IF affected IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(1702, s) FROM (SELECT DISTINCT b % 256 AS s FROM unnest(affected) AS b) x ORDER BY s;
    PERFORM worklist_summary_apply(affected);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tests_worklist_summary_moved AFTER UPDATE OF department_id ON tests
  FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id) EXECUTE FUNCTION worklist_summary_test_moved();
--> statement-breakpoint
-- The whole summary again from lab_reports: the backfill below, and after a bulk load that bypassed the
-- triggers (session_replication_role = replica, as bench/dataset.ts loads).
CREATE FUNCTION worklist_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE worklist_bill_departments, worklist_tab_counts IN EXCLUSIVE MODE;
  TRUNCATE worklist_bill_departments, worklist_tab_counts;
  PERFORM worklist_summary_apply(array_agg(DISTINCT bill_id)) FROM lab_reports WHERE critical_values IN (1, 2, 4);
END $$;
--> statement-breakpoint
SELECT worklist_summary_rebuild();
--> statement-breakpoint
-- The Pending tab reads only the rows of bills with open reports, however many bills are done.
CREATE INDEX worklist_bill_departments_open_idx ON worklist_bill_departments (lab_id, department_id)
  INCLUDE (bill_id, pending, attempted, oldest_open) WHERE pending + attempted > 0;
