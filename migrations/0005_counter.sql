CREATE TABLE `member_photos` (
	`member_id` text PRIMARY KEY NOT NULL,
	`data_url` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`opening_cash_fen` integer NOT NULL,
	`closed_at` integer,
	`counted_cash_fen` integer,
	`expected_cash_fen` integer,
	`summary` text,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shifts_store_opened_idx` ON `shifts` (`store_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `shifts_staff_open_idx` ON `shifts` (`staff_id`,`closed_at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `pin_hash` text;--> statement-breakpoint
ALTER TABLE `members` ADD `qr_public_key` text;