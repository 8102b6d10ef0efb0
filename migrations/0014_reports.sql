CREATE TABLE `campaign_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`campaign_id`, `store_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `campaign_members` (
	`campaign_id` text NOT NULL,
	`store_id` text NOT NULL,
	`member_id` text NOT NULL,
	`first_at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `store_id`, `member_id`)
);
--> statement-breakpoint
CREATE TABLE `commission_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`doc` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cross_store_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`home_store_id` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `home_store_id`)
);
--> statement-breakpoint
CREATE TABLE `member_cohorts` (
	`home_store_id` text NOT NULL,
	`cohort` text NOT NULL,
	`month` text NOT NULL,
	`joined` integer NOT NULL,
	`active` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`home_store_id`, `cohort`, `month`)
);
--> statement-breakpoint
CREATE TABLE `member_daily` (
	`member_id` text NOT NULL,
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`home_store_id` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `day`, `store_id`)
);
--> statement-breakpoint
CREATE INDEX `member_daily_day_idx` ON `member_daily` (`day`,`store_id`,`member_id`,`orders`,`net_fen`,`refund_fen`,`home_store_id`);--> statement-breakpoint
CREATE TABLE `member_rfm` (
	`member_id` text PRIMARY KEY NOT NULL,
	`home_store_id` text NOT NULL,
	`last_visit_day` text,
	`orders` integer NOT NULL,
	`net_fen` integer NOT NULL,
	`r` integer NOT NULL,
	`f` integer NOT NULL,
	`m` integer NOT NULL,
	`segment` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `member_rfm_segment_idx` ON `member_rfm` (`segment`,`home_store_id`);--> statement-breakpoint
CREATE TABLE `member_spend` (
	`member_id` text PRIMARY KEY NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `member_spend_net_idx` ON `member_spend` (`net_fen`);--> statement-breakpoint
CREATE TABLE `product_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`category_id` text NOT NULL,
	`lines` integer DEFAULT 0 NOT NULL,
	`quantity` integer DEFAULT 0 NOT NULL,
	`gross_fen` integer DEFAULT 0 NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`refund_cost_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `product_id`, `category_id`)
);
--> statement-breakpoint
CREATE INDEX `product_daily_store_day_idx` ON `product_daily` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `sales_hourly` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`hour` integer NOT NULL,
	`member` integer NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`gross_fen` integer DEFAULT 0 NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`refund_cost_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `hour`, `member`)
);
--> statement-breakpoint
CREATE INDEX `sales_hourly_store_day_idx` ON `sales_hourly` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `sales_lines_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`product_id` text NOT NULL,
	`category_id` text NOT NULL,
	`lines` integer DEFAULT 0 NOT NULL,
	`quantity` integer DEFAULT 0 NOT NULL,
	`gross_fen` integer DEFAULT 0 NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`refund_cost_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `staff_id`, `product_id`, `category_id`)
);
--> statement-breakpoint
CREATE INDEX `sales_lines_daily_store_day_idx` ON `sales_lines_daily` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `staff_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`recharges` integer DEFAULT 0 NOT NULL,
	`recharge_fen` integer DEFAULT 0 NOT NULL,
	`punch_cards` integer DEFAULT 0 NOT NULL,
	`punch_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `staff_id`)
);
--> statement-breakpoint
CREATE INDEX `staff_daily_store_day_idx` ON `staff_daily` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `tender_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`tender` text NOT NULL,
	`payments` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `tender`)
);
--> statement-breakpoint
CREATE INDEX `tender_daily_store_day_idx` ON `tender_daily` (`store_id`,`day`);--> statement-breakpoint
CREATE TABLE `value_daily` (
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`home_store_id` text NOT NULL,
	`kind` text NOT NULL,
	`entries` integer DEFAULT 0 NOT NULL,
	`principal_fen` integer DEFAULT 0 NOT NULL,
	`bonus_fen` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `store_id`, `home_store_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `value_daily_home_idx` ON `value_daily` (`home_store_id`,`day`);--> statement-breakpoint
ALTER TABLE `order_lines` ADD `category_id` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discounts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `points_campaign_id` text;--> statement-breakpoint
CREATE INDEX `orders_created_idx` ON `orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_entries_at_idx` ON `ledger_entries` (`at`);--> statement-breakpoint
UPDATE `products` SET `punch_eligible` = 1 WHERE `kind` = 'service';--> statement-breakpoint
UPDATE `order_lines` SET `category_id` = (SELECT `category_id` FROM `products` WHERE `products`.`id` = `order_lines`.`product_id`) WHERE `category_id` IS NULL;--> statement-breakpoint
UPDATE `products` SET `updated_at` = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
