CREATE TABLE "critical_escalations" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"lab_report_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"reason" text NOT NULL,
	"minutes_waited" numeric,
	"activity_log_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lab_reports" ADD COLUMN "escalation_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "critical_escalations" ADD CONSTRAINT "critical_escalations_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_escalations" ADD CONSTRAINT "critical_escalations_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_escalations" ADD CONSTRAINT "critical_escalations_lab_report_id_lab_reports_id_fk" FOREIGN KEY ("lab_report_id") REFERENCES "public"."lab_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_escalations" ADD CONSTRAINT "critical_escalations_activity_log_id_activity_logs_id_fk" FOREIGN KEY ("activity_log_id") REFERENCES "public"."activity_logs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "critical_escalations_report_level" ON "critical_escalations" USING btree ("lab_report_id","level");--> statement-breakpoint
CREATE INDEX "critical_escalations_bill_idx" ON "critical_escalations" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "lab_reports_escalation_due_idx" ON "lab_reports" USING btree ("lab_id",coalesce("approved_at", "sample_collected_at")) WHERE "lab_reports"."critical_values" in (1, 4) and "lab_reports"."dismissed" = false and "lab_reports"."sample_collected" = true and "lab_reports"."escalation_level" < 2;