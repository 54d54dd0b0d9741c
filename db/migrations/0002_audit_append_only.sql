-- The audit trail is append-only in the database itself, whoever connects: activity log entries and
-- done (non-draft) callout records can be neither updated nor deleted. Drafts (lab_report_id IS NULL)
-- stay deletable: every new callout on a bill replaces its draft.
CREATE OR REPLACE FUNCTION cc_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'critical_callouts' AND TG_OP <> 'TRUNCATE' AND OLD.lab_report_id IS NULL THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION '% rows are append-only audit records (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER activity_logs_append_only BEFORE UPDATE OR DELETE ON activity_logs
  FOR EACH ROW EXECUTE FUNCTION cc_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER activity_logs_no_truncate BEFORE TRUNCATE ON activity_logs
  FOR EACH STATEMENT EXECUTE FUNCTION cc_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER critical_callouts_append_only BEFORE UPDATE OR DELETE ON critical_callouts
  FOR EACH ROW EXECUTE FUNCTION cc_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER critical_callouts_no_truncate BEFORE TRUNCATE ON critical_callouts
  FOR EACH STATEMENT EXECUTE FUNCTION cc_audit_append_only();
