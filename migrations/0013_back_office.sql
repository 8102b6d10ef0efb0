CREATE TABLE `stock_transfer_lines` (
	`transfer_id` text NOT NULL,
	`product_id` text NOT NULL,
	`requested_qty` integer NOT NULL,
	`shipped_qty` integer DEFAULT 0 NOT NULL,
	`received_qty` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`transfer_id`, `product_id`),
	FOREIGN KEY (`transfer_id`) REFERENCES `stock_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`from_store_id` text NOT NULL,
	`to_store_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`requested_by` text NOT NULL,
	`shipped_by` text,
	`received_by` text,
	`created_at` integer NOT NULL,
	`shipped_at` integer,
	`received_at` integer,
	`cancelled_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`from_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_transfers_from_idx` ON `stock_transfers` (`from_store_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_transfers_to_idx` ON `stock_transfers` (`to_store_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `store_availability` (
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`available` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`store_id`, `product_id`),
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `store_availability_store_updated_idx` ON `store_availability` (`store_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `rule_versions` (
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`value` text NOT NULL,
	`saved_at` integer NOT NULL,
	`saved_by` text NOT NULL,
	PRIMARY KEY(`key`, `version`)
);
--> statement-breakpoint
CREATE TABLE `coupon_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`last_error` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `coupon_batches_created_idx` ON `coupon_batches` (`created_at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `stores` ADD `hours` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tiers` ADD `category_discounts` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `inventory_adjustments` ADD `unit_cost_fen` integer;--> statement-breakpoint
ALTER TABLE `inventory_adjustments` ADD `transfer_id` text;--> statement-breakpoint
CREATE INDEX `inventory_adjustments_product_idx` ON `inventory_adjustments` (`store_id`,`product_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `products` ADD `points_eligible` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `punch_eligible` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `chain_rules` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_action_at_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
-- Services could always be sold as punch cards; goods could not.
UPDATE `products` SET `punch_eligible` = 1 WHERE `kind` = 'service';
