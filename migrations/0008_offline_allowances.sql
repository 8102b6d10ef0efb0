CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`registered_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	`retired_at` integer,
	`retired_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `devices_store_idx` ON `devices` (`store_id`);--> statement-breakpoint
CREATE TABLE `device_allowances` (
	`lease_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`device_id` text NOT NULL,
	`store_id` text,
	`held_fen` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`state` text NOT NULL,
	`release_requested_at` integer,
	`written_off_fen` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_allowances_device_idx` ON `device_allowances` (`device_id`,`state`);--> statement-breakpoint
CREATE INDEX `device_allowances_store_idx` ON `device_allowances` (`store_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `device_allowances_member_idx` ON `device_allowances` (`member_id`);--> statement-breakpoint
ALTER TABLE `members` ADD `reserved_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `reserved_delta` integer;--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `reserved_after` integer;