CREATE TABLE `payment_charges` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`store_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`kind` text NOT NULL,
	`provider` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`status` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_charges_order_idx` ON `payment_charges` (`order_id`);