CREATE TABLE `lottery_access_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`contact` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lottery_access_tokens_contact_idx` ON `lottery_access_tokens` (`contact`);--> statement-breakpoint
CREATE TABLE `lottery_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`rules_text` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`prize_count` integer NOT NULL,
	`min_receipt_total` integer NOT NULL,
	`seed_hash` text,
	`committed_at` text,
	`seed` text,
	`list_digest` text,
	`entry_count` integer,
	`drawn_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lottery_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draw_id` text NOT NULL,
	`kkm_id` integer NOT NULL,
	`kgd_number` text NOT NULL,
	`fiscal_sign` text NOT NULL,
	`receipt_date_time` text NOT NULL,
	`receipt_total` integer NOT NULL,
	`contact_kind` text NOT NULL,
	`contact` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`draw_id`) REFERENCES `lottery_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kkm_id`) REFERENCES `kkms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lottery_entries_draw_id_kkm_id_fiscal_sign_idx` ON `lottery_entries` (`draw_id`,`kkm_id`,`fiscal_sign`);--> statement-breakpoint
CREATE UNIQUE INDEX `lottery_entries_draw_id_key_hash_idx` ON `lottery_entries` (`draw_id`,`key_hash`);--> statement-breakpoint
CREATE INDEX `lottery_entries_contact_idx` ON `lottery_entries` (`contact`);--> statement-breakpoint
CREATE TABLE `lottery_winners` (
	`draw_id` text NOT NULL,
	`place` integer NOT NULL,
	`entry_id` integer NOT NULL,
	PRIMARY KEY(`draw_id`, `place`),
	FOREIGN KEY (`draw_id`) REFERENCES `lottery_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `lottery_entries`(`id`) ON UPDATE no action ON DELETE no action
);
