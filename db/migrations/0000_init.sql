CREATE TABLE "activity_logs" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer,
	"lab_report_id" integer,
	"lab_report_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"log_category_id" integer NOT NULL,
	"user_id" integer,
	"lab_user_name" text DEFAULT '' NOT NULL,
	"activity_text" text DEFAULT '' NOT NULL,
	"activity_date" timestamp with time zone DEFAULT now() NOT NULL,
	"dumped_json" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"patient_id" integer NOT NULL,
	"doc_id" integer,
	"org_id" integer,
	"accession_no" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "critical_callouts" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"lab_report_id" integer,
	"is_draft" boolean DEFAULT false NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"critical_callout_comment" text DEFAULT '' NOT NULL,
	"critical_values_meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"critical_callout_meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"performed_by_user_id" integer,
	"performed_by_doctor_id" integer,
	"org_id" integer,
	"patient_id" integer,
	"referral_id" integer,
	"created_on" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_on" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doctor_departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"doctor_id" integer NOT NULL,
	"department_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doctors" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"name" text NOT NULL,
	"doc_type" smallint DEFAULT 2 NOT NULL,
	"phone" text,
	"email" text,
	"fax" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" integer NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "lab_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"test_id" integer NOT NULL,
	"org_id" integer,
	"doc_for_id" integer,
	"patient_id" integer NOT NULL,
	"on_hold" boolean DEFAULT false NOT NULL,
	"is_signed" boolean DEFAULT false NOT NULL,
	"is_synced" boolean DEFAULT false NOT NULL,
	"comments" text,
	"is_profile" boolean DEFAULT false NOT NULL,
	"is_approved" boolean DEFAULT false NOT NULL,
	"is_resolved" boolean DEFAULT false NOT NULL,
	"in_question" boolean DEFAULT false NOT NULL,
	"not_performed" boolean DEFAULT false NOT NULL,
	"claim_on_hold" boolean DEFAULT false NOT NULL,
	"report_format_id" integer,
	"critical_values" smallint DEFAULT 0 NOT NULL,
	"auto_approval_status" smallint DEFAULT 0 NOT NULL,
	"dismissed" boolean DEFAULT false NOT NULL,
	"sample_collected" boolean DEFAULT false NOT NULL,
	"sample_collected_at" timestamp with time zone,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lab_settings" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_user_departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"department_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labs" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"fax" text
);
--> statement-breakpoint
CREATE TABLE "parameter_ranges" (
	"id" serial PRIMARY KEY NOT NULL,
	"parameter_id" integer NOT NULL,
	"sex" text,
	"age_min_days" integer,
	"age_max_days" integer,
	"ref_low" numeric,
	"ref_high" numeric,
	"critical_low" numeric,
	"critical_high" numeric,
	"critical_texts" text[]
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"sex" text DEFAULT 'U' NOT NULL,
	"date_of_birth" date,
	"phone" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_report_id" integer NOT NULL,
	"parameter_id" integer NOT NULL,
	"value_numeric" numeric,
	"value_text" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"lab_id" integer NOT NULL,
	"department_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "test_parameters" (
	"id" serial PRIMARY KEY NOT NULL,
	"test_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"result_type" text DEFAULT 'numeric' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tests" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"test_name" text NOT NULL,
	"department_id" integer NOT NULL,
	"is_profile" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"kind" text NOT NULL,
	"doctor_id" integer,
	"department_data_type" smallint,
	"department_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_lab_report_id_lab_reports_id_fk" FOREIGN KEY ("lab_report_id") REFERENCES "public"."lab_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_logs" ADD CONSTRAINT "activity_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_doc_id_doctors_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_lab_report_id_lab_reports_id_fk" FOREIGN KEY ("lab_report_id") REFERENCES "public"."lab_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_performed_by_user_id_users_id_fk" FOREIGN KEY ("performed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_performed_by_doctor_id_doctors_id_fk" FOREIGN KEY ("performed_by_doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "critical_callouts" ADD CONSTRAINT "critical_callouts_referral_id_doctors_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctor_departments" ADD CONSTRAINT "doctor_departments_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctor_departments" ADD CONSTRAINT "doctor_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctors" ADD CONSTRAINT "doctors_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_test_id_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_doc_for_id_doctors_id_fk" FOREIGN KEY ("doc_for_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_reports" ADD CONSTRAINT "lab_reports_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_settings" ADD CONSTRAINT "lab_settings_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_user_departments" ADD CONSTRAINT "lab_user_departments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_user_departments" ADD CONSTRAINT "lab_user_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parameter_ranges" ADD CONSTRAINT "parameter_ranges_parameter_id_test_parameters_id_fk" FOREIGN KEY ("parameter_id") REFERENCES "public"."test_parameters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_lab_report_id_lab_reports_id_fk" FOREIGN KEY ("lab_report_id") REFERENCES "public"."lab_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_parameter_id_test_parameters_id_fk" FOREIGN KEY ("parameter_id") REFERENCES "public"."test_parameters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_parameters" ADD CONSTRAINT "test_parameters_test_id_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tests" ADD CONSTRAINT "tests_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tests" ADD CONSTRAINT "tests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_doctor_id_doctors_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."doctors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_logs_callout_reports_gin" ON "activity_logs" USING gin ("lab_report_ids") WHERE "activity_logs"."log_category_id" = 648;--> statement-breakpoint
CREATE INDEX "activity_logs_bill_idx" ON "activity_logs" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "bills_lab_created_idx" ON "bills" USING btree ("lab_id","created_at");--> statement-breakpoint
CREATE INDEX "bills_doc_idx" ON "bills" USING btree ("doc_id");--> statement-breakpoint
CREATE INDEX "bills_lab_accession_idx" ON "bills" USING btree ("lab_id","accession_no");--> statement-breakpoint
CREATE UNIQUE INDEX "critical_callouts_one_draft_per_bill" ON "critical_callouts" USING btree ("bill_id") WHERE "critical_callouts"."lab_report_id" is null;--> statement-breakpoint
CREATE INDEX "critical_callouts_report_idx" ON "critical_callouts" USING btree ("lab_report_id","created_on") WHERE "critical_callouts"."lab_report_id" is not null;--> statement-breakpoint
CREATE INDEX "departments_lab_idx" ON "departments" USING btree ("lab_id");--> statement-breakpoint
CREATE UNIQUE INDEX "doctor_departments_uniq" ON "doctor_departments" USING btree ("doctor_id","department_id");--> statement-breakpoint
CREATE INDEX "doctors_lab_idx" ON "doctors" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "lab_reports_bill_idx" ON "lab_reports" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "lab_reports_lab_status_idx" ON "lab_reports" USING btree ("lab_id","critical_values","approved_at") WHERE "lab_reports"."critical_values" in (1, 2, 4);--> statement-breakpoint
CREATE UNIQUE INDEX "lab_settings_lab_key" ON "lab_settings" USING btree ("lab_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "lab_user_departments_uniq" ON "lab_user_departments" USING btree ("user_id","department_id");--> statement-breakpoint
CREATE INDEX "organizations_lab_idx" ON "organizations" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "parameter_ranges_parameter_idx" ON "parameter_ranges" USING btree ("parameter_id");--> statement-breakpoint
CREATE INDEX "patients_lab_idx" ON "patients" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "report_values_report_idx" ON "report_values" USING btree ("lab_report_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "test_parameters_test_idx" ON "test_parameters" USING btree ("test_id");--> statement-breakpoint
CREATE INDEX "tests_lab_idx" ON "tests" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "tests_department_idx" ON "tests" USING btree ("department_id");