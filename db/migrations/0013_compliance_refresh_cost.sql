-- Two costs of the compliance summary's refresh (migration 0008) on a large bill, measured on the
-- bench's 1M-report database: a done callout of a 100-report bill spent 133-250 ms in the refresh.
-- 1. The partial GIN index on activity_logs.lab_report_ids kept new entries in its pending list
--    (fastupdate), which every search scans whole until a vacuum merges it: 232 pages after one bench
--    run, ~0.9 ms per probe and a probe per report. Entries now go straight into the index.
-- 2. Each report's logs were read and tested per report: a large bill's callout log names all its
--    reports, so its 100 reports read the same 22 logs 100 times, and every jsonb test of a log row
--    decompressed its dumped_json again. The logs are now read once for all the reports, each once.
ALTER INDEX "activity_logs_callout_reports_gin" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('activity_logs_callout_reports_gin');--> statement-breakpoint
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
  -- The logs of all the reports at once: a log naming many of them (a large bill's callout names them
  -- all) is read and tested once, then counted for each report it names.
  LEFT JOIN (
    SELECT u.report_id, g.lab_id,
      count(*) FILTER (WHERE g.is_draft) AS attempts,
      coalesce(bool_or(g.kind = 'escalation'), false) AS escalated,
      coalesce(bool_or(g.kind = 'escalation' AND g.j->'reason' = '"attempts"'), false) AS escalated_for_attempts,
      count(*) FILTER (WHERE g.kind IS NULL AND NOT g.is_draft AND g.reached) AS reached,
      count(*) FILTER (WHERE g.kind IS NULL AND NOT g.is_draft AND g.reached AND g.read_back) AS read_back,
      min(g.activity_date) FILTER (WHERE g.kind = 'acknowledgement') AS acknowledged_at
    FROM (
      SELECT a.lab_id, a.lab_report_ids, a.activity_date, x.j,
        CASE WHEN x.j->'kind' IN ('"escalation"', '"acknowledgement"') THEN x.j->>'kind' END AS kind,
        coalesce(x.j->>'is_draft' = 'true', false) AS is_draft,
        CASE WHEN jsonb_typeof(x.j->'outcome') = 'object' AND x.j->'outcome' ? 'code'
          THEN x.j->'outcome'->'code' = '"reached"'
          ELSE jsonb_typeof(x.j->'already_notified'->'phone_call') = 'object' END AS reached,
        CASE WHEN jsonb_typeof(x.j->'outcome') = 'object' AND x.j->'outcome' ? 'code'
          THEN coalesce(x.j->'outcome'->'read_back' = 'true', false)
          ELSE coalesce(x.j->'already_notified'->'phone_call'->'read_back' = 'true', false) END AS read_back
      FROM activity_logs a
      -- dumped_json read once per log: each test below would decompress it again (~3.5 µs a time).
      -- `||` hands back its detoasted operand; a non-object reads as {}, whose every key is null too.
      CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(a.dumped_json) = 'object' THEN a.dumped_json || '{}'::jsonb ELSE '{}'::jsonb END AS j OFFSET 0) x
      WHERE a.log_category_id = 648 AND a.lab_report_ids && ids
      OFFSET 0
    ) g
    CROSS JOIN LATERAL (SELECT DISTINCT e FROM unnest(g.lab_report_ids) AS e) u(report_id)
    WHERE u.report_id = ANY(ids)
    GROUP BY u.report_id, g.lab_id
  ) l ON l.report_id = r.id AND l.lab_id = r.lab_id
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
