CREATE TABLE "critical_ack_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"activity_log_id" integer,
	"lab_report_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"callout_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"token_hash" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"hide_patient_name" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "critical_acknowledgements" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"lab_report_id" integer NOT NULL,
	"link_id" integer,
	"user_id" integer,
	"doctor_id" integer,
	"acknowledged_by" text NOT NULL,
	"client_address" text,
	"user_agent" text,
	"activity_log_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "critical_ack_links" ADD CONSTRAINT "critical_ack_links_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_ack_links" ADD CONSTRAINT "critical_ack_links_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_ack_links" ADD CONSTRAINT "critical_ack_links_activity_log_id_activity_logs_id_fk" FOREIGN KEY ("activity_log_id") REFERENCES "public"."activity_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_lab_report_id_lab_reports_id_fk" FOREIGN KEY ("lab_report_id") REFERENCES "public"."lab_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_link_id_critical_ack_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."critical_ack_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_acknowledgements" ADD CONSTRAINT "critical_acknowledgements_activity_log_id_activity_logs_id_fk" FOREIGN KEY ("activity_log_id") REFERENCES "public"."activity_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "critical_ack_links_token_hash" ON "critical_ack_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "critical_ack_links_bill_idx" ON "critical_ack_links" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "critical_acknowledgements_report_idx" ON "critical_acknowledgements" USING btree ("lab_report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "critical_acknowledgements_link_report" ON "critical_acknowledgements" USING btree ("link_id","lab_report_id") WHERE "critical_acknowledgements"."link_id" is not null;--> statement-breakpoint
-- Acknowledgements are audit records too: append-only, like activity logs and done callouts.
CREATE TRIGGER critical_acknowledgements_append_only BEFORE UPDATE OR DELETE ON critical_acknowledgements
  FOR EACH ROW EXECUTE FUNCTION cc_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER critical_acknowledgements_no_truncate BEFORE TRUNCATE ON critical_acknowledgements
  FOR EACH STATEMENT EXECUTE FUNCTION cc_audit_append_only();
