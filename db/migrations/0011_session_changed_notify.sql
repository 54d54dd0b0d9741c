-- App processes cache sessions for a few seconds (server/auth/session-cache.ts); these triggers tell
-- every process, on the channel session_changed, when a cached session may be wrong: a session row is
-- revoked, changed or deleted (payload: its id), or what a session's scope is made of changes (users,
-- their departments, doctors, tests, labs: payload '*', every session is looked up again). Any program
-- that writes these tables triggers them, not only the app.
CREATE OR REPLACE FUNCTION notify_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    PERFORM pg_notify('session_changed', OLD.id);
  ELSE
    PERFORM pg_notify('session_changed', '*');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_changed_notify AFTER UPDATE ON sessions FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_deleted_notify AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_truncated_notify AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER users_session_changed_notify AFTER UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER lab_user_departments_session_changed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lab_user_departments FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER doctor_departments_session_changed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON doctor_departments FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER doctors_session_changed_notify AFTER UPDATE OR DELETE OR TRUNCATE ON doctors FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER tests_session_changed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tests FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
--> statement-breakpoint
CREATE TRIGGER labs_session_changed_notify AFTER UPDATE OR DELETE OR TRUNCATE ON labs FOR EACH STATEMENT EXECUTE FUNCTION notify_session_changed();
