CREATE TABLE `notification_preferences` (
	`member_id` text PRIMARY KEY NOT NULL,
	`channels` text NOT NULL,
	`quiet_start` text,
	`quiet_end` text,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`read_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_due_idx` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_member_idx` ON `notifications` (`member_id`,`channel`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_status_created_idx` ON `notifications` (`status`,`created_at`);