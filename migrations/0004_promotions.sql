CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`doc` text NOT NULL,
	`active` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `campaigns_updated_idx` ON `campaigns` (`updated_at`);--> statement-breakpoint
CREATE TABLE `coupon_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`doc` text NOT NULL,
	`active` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `coupon_templates_updated_idx` ON `coupon_templates` (`updated_at`);