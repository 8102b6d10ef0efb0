CREATE TABLE `member_tags` (
	`member_id` text NOT NULL,
	`tag` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `tag`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_tags_tag_idx` ON `member_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `reward_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`reward_id` text NOT NULL,
	`member_id` text NOT NULL,
	`points` integer NOT NULL,
	`status` text NOT NULL,
	`grant` text NOT NULL,
	`coupon_id` text,
	`pickup_code` text,
	`code` text,
	`message` text,
	`collected_store_id` text,
	`collected_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`reward_id`) REFERENCES `rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collected_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reward_redemptions_member_idx` ON `reward_redemptions` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reward_redemptions_reward_idx` ON `reward_redemptions` (`reward_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `reward_redemptions_status_idx` ON `reward_redemptions` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `rewards` (
	`id` text PRIMARY KEY NOT NULL,
	`doc` text NOT NULL,
	`active` integer NOT NULL,
	`stock` integer,
	`redeemed` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_alerts_store_idx` ON `staff_alerts` (`store_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `visit_ratings` (
	`order_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`store_id` text NOT NULL,
	`staff_id` text,
	`score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_ratings_store_idx` ON `visit_ratings` (`store_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `visit_ratings_member_idx` ON `visit_ratings` (`member_id`,`created_at`);