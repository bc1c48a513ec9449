CREATE TABLE "review_reminders" (
	"measure_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_reminders_measure_id_due_on_user_id_pk" PRIMARY KEY("measure_id","due_on","user_id")
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_result" jsonb
);
--> statement-breakpoint
ALTER TABLE "catalogues" ADD COLUMN "review_interval_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "review_interval_months" integer;--> statement-breakpoint
ALTER TABLE "review_reminders" ADD CONSTRAINT "review_reminders_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reminders" ADD CONSTRAINT "review_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_reminders_user_idx" ON "review_reminders" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "catalogues" ADD CONSTRAINT "catalogues_review_interval_ck" CHECK ("catalogues"."review_interval_months" between 1 and 120);--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_review_interval_ck" CHECK ("measures"."review_interval_months" is null or "measures"."review_interval_months" between 1 and 120);