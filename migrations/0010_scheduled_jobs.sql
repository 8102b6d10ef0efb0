CREATE TABLE `job_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`job` text NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`lease_until` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`last_error` text,
	`triggered_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_runs_started_idx` ON `job_runs` (`started_at`);--> statement-breakpoint
CREATE INDEX `job_runs_status_idx` ON `job_runs` (`status`);--> statement-breakpoint
CREATE TABLE `member_tier_reviews` (
	`member_id` text PRIMARY KEY NOT NULL,
	`period` text NOT NULL,
	`tier_code` text NOT NULL,
	`misses` integer DEFAULT 0 NOT NULL,
	`outcome` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `members` ADD `tier_since` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `next_expiry_at` integer;--> statement-breakpoint
CREATE INDEX `members_next_expiry_idx` ON `members` (`next_expiry_at`);