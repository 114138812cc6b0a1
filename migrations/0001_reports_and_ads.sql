CREATE TABLE `shift_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kkm_id` integer NOT NULL,
	`kind` text NOT NULL,
	`shift_number` integer NOT NULL,
	`sequence` integer NOT NULL,
	`local_time` text NOT NULL,
	`received_at` text NOT NULL,
	`revenue` integer NOT NULL,
	`cash` integer NOT NULL,
	`non_nullable_sell` integer NOT NULL,
	`report` text NOT NULL,
	`register_report` text,
	`discrepancies` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shift_reports_key_idx` ON `shift_reports` (`kkm_id`,`kind`,`shift_number`,`sequence`);--> statement-breakpoint
CREATE INDEX `shift_reports_kkm_id_idx` ON `shift_reports` (`kkm_id`,`local_time`);--> statement-breakpoint
CREATE TABLE `ticket_ads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`scope_id` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_ads_scope_idx` ON `ticket_ads` (`scope`,`scope_id`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `vat_payer` integer DEFAULT false NOT NULL;