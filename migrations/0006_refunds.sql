ALTER TABLE `order_lines` ADD `explanation` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `refunded_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Orders refunded before this column existed: what their member's refunds add up to.
UPDATE `orders` SET `refunded_fen` = CASE WHEN `status` = 'refunded' THEN `total_fen` ELSE coalesce((SELECT max(json_extract(`detail`, '$.cumulativeFen')) FROM `account_ops` WHERE `kind` = 'refund' AND `status` = 'applied' AND json_extract(`detail`, '$.refundOf') = `orders`.`id`), 0) END WHERE `status` IN ('refunded', 'partially_refunded');
