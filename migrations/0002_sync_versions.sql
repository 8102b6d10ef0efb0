CREATE TABLE `inventory_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inventory_adjustments_store_created_idx` ON `inventory_adjustments` (`store_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `orders` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_store_updated_idx` ON `orders` (`store_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `orders_member_updated_idx` ON `orders` (`member_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `members_updated_idx` ON `members` (`updated_at`);--> statement-breakpoint
CREATE INDEX `inventory_store_updated_idx` ON `inventory` (`store_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `products_updated_idx` ON `products` (`updated_at`);--> statement-breakpoint
CREATE INDEX `store_prices_store_updated_idx` ON `store_prices` (`store_id`,`updated_at`);--> statement-breakpoint
UPDATE `orders` SET `updated_at` = `received_at`;
