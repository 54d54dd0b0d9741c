CREATE TABLE "compliance_reports" (
	"lab_report_id" integer PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"test_id" integer NOT NULL,
	"department_id" integer,
	"critical_values" smallint NOT NULL,
	"clock_started_at" timestamp with time zone,
	"first_done_at" timestamp with time zone,
	"notify_minutes" numeric,
	"attempts" integer DEFAULT 0 NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"escalated_for_attempts" boolean DEFAULT false NOT NULL,
	"reached_outcomes" integer DEFAULT 0 NOT NULL,
	"read_back_outcomes" integer DEFAULT 0 NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"ack_minutes" numeric,
	"recipient_kind" text
);
--> statement-breakpoint
ALTER TABLE "compliance_reports" ADD CONSTRAINT "compliance_reports_lab_report_id_lab_reports_id_fk" FOREIGN KEY ("lab_report_id") REFERENCES "public"."lab_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_reports_lab_clock_idx" ON "compliance_reports" USING btree ("lab_id","clock_started_at");--> statement-breakpoint
-- The compliance summary keeps itself (DESIGN §11): reports, callouts and logs arrive from other
-- programs of the LIS too, so every write that can change a report's measures recomputes that
-- report's row here, in the writer's transaction. The definitions are those of the app's clock
-- (domain/critical/clock.ts, db/queries/report-clock.ts): a critical report is one at status 1, 2 or
-- 4 (the stored flag; the critical rule is not re-evaluated), collected and not dismissed; its clock
-- starts at approved_at, else sample_collected_at; it is notified at its first done (non-draft)
-- critical_callouts row; an attempt is a category-648 log row with dumped_json.is_draft = true that
-- names it (lab_report_ids, same lab). Read-back counts done logs whose outcome is `reached` (or, when
-- no outcome was recorded, whose already_notified.phone_call says so); acknowledgements and
-- escalations are category-648 logs with dumped_json.kind "acknowledgement" / "escalation".
-- Malformed JSON from other writers never raises here: everything is compared as jsonb.
-- Two writers refreshing one report at once must not leave the older view behind: the refresh first
-- locks the reports (in id order, as the app's writers lock them), so a second refresh waits for the
-- first writer to commit and then computes from a snapshot that includes its rows (read committed
-- takes a new snapshot per statement of this volatile function).
CREATE OR REPLACE FUNCTION cc_compliance_refresh(ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM lab_reports WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM compliance_reports c
  WHERE c.lab_report_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM lab_reports r WHERE r.id = c.lab_report_id
      AND r.critical_values IN (1, 2, 4) AND r.sample_collected AND NOT r.dismissed);
  INSERT INTO compliance_reports AS c (lab_report_id, lab_id, bill_id, test_id, department_id, critical_values,
    clock_started_at, first_done_at, notify_minutes, attempts, escalated, escalated_for_attempts,
    reached_outcomes, read_back_outcomes, acknowledged_at, ack_minutes, recipient_kind)
  SELECT r.id, r.lab_id, r.bill_id, r.test_id, t.department_id, r.critical_values,
    s.started, d.first_done_at,
    CASE WHEN d.first_done_at IS NOT NULL AND s.started IS NOT NULL
      THEN greatest(0, extract(epoch FROM d.first_done_at - s.started) / 60) END,
    coalesce(l.attempts, 0), coalesce(l.escalated, false), coalesce(l.escalated_for_attempts, false),
    coalesce(l.reached, 0), coalesce(l.read_back, 0), l.acknowledged_at,
    CASE WHEN d.first_done_at IS NOT NULL AND l.acknowledged_at IS NOT NULL
      THEN greatest(0, extract(epoch FROM l.acknowledged_at - d.first_done_at) / 60) END,
    CASE WHEN jsonb_typeof(d.recipients) = 'array' THEN nullif((
      SELECT string_agg(DISTINCT e, ' + ' ORDER BY e) FROM jsonb_array_elements_text(d.recipients) AS x(e)), '') END
  FROM lab_reports r
  LEFT JOIN tests t ON t.id = r.test_id
  CROSS JOIN LATERAL (SELECT coalesce(r.approved_at, r.sample_collected_at) AS started) s
  LEFT JOIN LATERAL (
    SELECT cc.created_on AS first_done_at, cc.recipients FROM critical_callouts cc
    WHERE cc.lab_report_id = r.id AND cc.is_draft = false
    ORDER BY cc.created_on, cc.id LIMIT 1
  ) d ON true
  LEFT JOIN LATERAL (
    SELECT
      count(*) FILTER (WHERE g.is_draft) AS attempts,
      coalesce(bool_or(g.kind = 'escalation'), false) AS escalated,
      coalesce(bool_or(g.kind = 'escalation' AND g.j->'reason' = '"attempts"'), false) AS escalated_for_attempts,
      count(*) FILTER (WHERE g.kind IS NULL AND NOT g.is_draft AND g.reached) AS reached,
      count(*) FILTER (WHERE g.kind IS NULL AND NOT g.is_draft AND g.reached AND g.read_back) AS read_back,
      min(g.activity_date) FILTER (WHERE g.kind = 'acknowledgement') AS acknowledged_at
    FROM (
      SELECT a.activity_date, a.dumped_json AS j,
        CASE WHEN a.dumped_json->'kind' IN ('"escalation"', '"acknowledgement"') THEN a.dumped_json->>'kind' END AS kind,
        coalesce(a.dumped_json->>'is_draft' = 'true', false) AS is_draft,
        CASE WHEN jsonb_typeof(a.dumped_json->'outcome') = 'object' AND a.dumped_json->'outcome' ? 'code'
          THEN a.dumped_json->'outcome'->'code' = '"reached"'
          ELSE jsonb_typeof(a.dumped_json->'already_notified'->'phone_call') = 'object' END AS reached,
        CASE WHEN jsonb_typeof(a.dumped_json->'outcome') = 'object' AND a.dumped_json->'outcome' ? 'code'
          THEN coalesce(a.dumped_json->'outcome'->'read_back' = 'true', false)
          ELSE coalesce(a.dumped_json->'already_notified'->'phone_call'->'read_back' = 'true', false) END AS read_back
      FROM activity_logs a
      WHERE a.log_category_id = 648 AND a.lab_report_ids @> array[r.id] AND a.lab_id = r.lab_id
    ) g
  ) l ON true
  WHERE r.id = ANY(ids) AND r.critical_values IN (1, 2, 4) AND r.sample_collected AND NOT r.dismissed
  ON CONFLICT (lab_report_id) DO UPDATE SET
    lab_id = excluded.lab_id, bill_id = excluded.bill_id, test_id = excluded.test_id,
    department_id = excluded.department_id, critical_values = excluded.critical_values,
    clock_started_at = excluded.clock_started_at, first_done_at = excluded.first_done_at,
    notify_minutes = excluded.notify_minutes, attempts = excluded.attempts, escalated = excluded.escalated,
    escalated_for_attempts = excluded.escalated_for_attempts, reached_outcomes = excluded.reached_outcomes,
    read_back_outcomes = excluded.read_back_outcomes, acknowledged_at = excluded.acknowledged_at,
    ack_minutes = excluded.ack_minutes, recipient_kind = excluded.recipient_kind;
END
$$;
--> statement-breakpoint
-- Statement-level triggers with transition tables: a bulk load by another program refreshes its
-- reports in one set-based pass, not row by row.
CREATE OR REPLACE FUNCTION cc_compliance_on_lab_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM cc_compliance_refresh(array(SELECT n.id FROM new_reports n
      WHERE n.critical_values IN (1, 2, 4) AND n.sample_collected AND NOT n.dismissed));
  ELSE
    -- Only a change of what the summary reads (signing, escalation levels and the like change nothing).
    PERFORM cc_compliance_refresh(array(SELECT n.id FROM new_reports n JOIN old_reports o ON o.id = n.id
      WHERE (n.critical_values, n.sample_collected, n.dismissed, n.approved_at, n.sample_collected_at, n.test_id, n.bill_id, n.lab_id)
        IS DISTINCT FROM (o.critical_values, o.sample_collected, o.dismissed, o.approved_at, o.sample_collected_at, o.test_id, o.bill_id, o.lab_id)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER compliance_lab_reports_insert AFTER INSERT ON lab_reports
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION cc_compliance_on_lab_reports();
--> statement-breakpoint
CREATE TRIGGER compliance_lab_reports_update AFTER UPDATE ON lab_reports
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION cc_compliance_on_lab_reports();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cc_compliance_on_callouts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cc_compliance_refresh(array(SELECT DISTINCT n.lab_report_id FROM new_callouts n
    WHERE n.lab_report_id IS NOT NULL AND n.is_draft = false));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER compliance_critical_callouts_insert AFTER INSERT ON critical_callouts
  REFERENCING NEW TABLE AS new_callouts FOR EACH STATEMENT EXECUTE FUNCTION cc_compliance_on_callouts();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cc_compliance_on_activity_logs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cc_compliance_refresh(array(SELECT DISTINCT x.id FROM new_logs n CROSS JOIN LATERAL unnest(n.lab_report_ids) AS x(id)
    WHERE n.log_category_id = 648));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER compliance_activity_logs_insert AFTER INSERT ON activity_logs
  REFERENCING NEW TABLE AS new_logs FOR EACH STATEMENT EXECUTE FUNCTION cc_compliance_on_activity_logs();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cc_compliance_on_tests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE compliance_reports SET department_id = NEW.department_id WHERE test_id = NEW.id AND department_id IS DISTINCT FROM NEW.department_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER compliance_tests_department AFTER UPDATE OF department_id ON tests
  FOR EACH ROW EXECUTE FUNCTION cc_compliance_on_tests();
--> statement-breakpoint
-- Backfill: every critical report already stored.
SELECT cc_compliance_refresh(array(SELECT id FROM lab_reports WHERE critical_values IN (1, 2, 4) AND sample_collected AND NOT dismissed));
--> statement-breakpoint
ANALYZE compliance_reports;
