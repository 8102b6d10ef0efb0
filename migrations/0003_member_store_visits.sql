CREATE TABLE `member_store_visits` (
	`member_id` text NOT NULL,
	`store_id` text NOT NULL,
	`last_visit_at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `store_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_store_visits_store_idx` ON `member_store_visits` (`store_id`,`last_visit_at`);--> statement-breakpoint
INSERT OR IGNORE INTO `member_store_visits` (`member_id`, `store_id`, `last_visit_at`) SELECT `member_id`, `store_id`, max(`created_at`) FROM `orders` WHERE `member_id` IS NOT NULL AND `status` <> 'rejected' GROUP BY `member_id`, `store_id`;
