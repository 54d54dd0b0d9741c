CREATE TABLE "callout_presence" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"lab_id" integer NOT NULL,
	"bill_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"display_name" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "callout_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "callout_presence" ADD CONSTRAINT "callout_presence_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callout_presence" ADD CONSTRAINT "callout_presence_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callout_presence" ADD CONSTRAINT "callout_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callout_presence_bill_idx" ON "callout_presence" USING btree ("bill_id","seen_at");