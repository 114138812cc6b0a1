CREATE TABLE `receipt_index` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kkm_id` integer NOT NULL,
	`organisation_id` text NOT NULL,
	`fiscal_sign` text NOT NULL,
	`autonomous_number` integer,
	`shift_number` integer NOT NULL,
	`operation` integer NOT NULL,
	`local_time` text NOT NULL,
	`received_at` text NOT NULL,
	`total` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_index_kkm_sign_idx` ON `receipt_index` (`kkm_id`,`fiscal_sign`);--> statement-breakpoint
CREATE INDEX `receipt_index_organisation_time_idx` ON `receipt_index` (`organisation_id`,`local_time`);--> statement-breakpoint
CREATE INDEX `receipt_index_fiscal_sign_idx` ON `receipt_index` (`fiscal_sign`);