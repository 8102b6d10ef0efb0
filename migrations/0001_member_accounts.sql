CREATE TABLE `account_ops` (
	`op_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`code` text,
	`message` text,
	`store_id` text,
	`staff_id` text,
	`at` integer NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_ops_member_at_idx` ON `account_ops` (`member_id`,`at`);--> statement-breakpoint
CREATE INDEX `account_ops_store_at_idx` ON `account_ops` (`store_id`,`at`);--> statement-breakpoint
CREATE TABLE `chain_rules` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`member_id` text NOT NULL,
	`seq` integer NOT NULL,
	`op_id` text NOT NULL,
	`kind` text NOT NULL,
	`principal_delta` integer NOT NULL,
	`bonus_delta` integer NOT NULL,
	`points_delta` integer NOT NULL,
	`punch_delta` integer NOT NULL,
	`principal_after` integer NOT NULL,
	`bonus_after` integer NOT NULL,
	`points_after` integer NOT NULL,
	`store_id` text,
	`staff_id` text,
	`at` integer NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`member_id`, `seq`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_store_at_idx` ON `ledger_entries` (`store_id`,`at`);--> statement-breakpoint
CREATE INDEX `ledger_entries_op_idx` ON `ledger_entries` (`op_id`);--> statement-breakpoint
CREATE TABLE `member_imports` (
	`member_id` text PRIMARY KEY NOT NULL,
	`principal_fen` integer NOT NULL,
	`bonus_fen` integer NOT NULL,
	`points` integer NOT NULL,
	`punch_cards` text DEFAULT '[]' NOT NULL,
	`imported_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `members` ADD `locked_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `ledger_seq` integer DEFAULT 0 NOT NULL;