CREATE TABLE `kkms` (
	`id` integer PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`point_of_sale_id` text NOT NULL,
	`kgd_number` text NOT NULL,
	`previous_kgd_number` text,
	`serial_number` text NOT NULL,
	`model` text NOT NULL,
	`internal_name` text NOT NULL,
	`device_type` text DEFAULT 'pos-system' NOT NULL,
	`time_zone` text NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`block_reason` text,
	`registered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`activated_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_of_sale_id`) REFERENCES `points_of_sale`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kkms_kgd_number_idx` ON `kkms` (`kgd_number`);--> statement-breakpoint
CREATE INDEX `kkms_organisation_id_idx` ON `kkms` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `kkms_point_of_sale_id_idx` ON `kkms` (`point_of_sale_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`iin_bin` text NOT NULL,
	`title` text NOT NULL,
	`legal_address` text NOT NULL,
	`legal_address_kz` text,
	`okved` text,
	`taxation_regime` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`block_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_iin_bin_idx` ON `organisations` (`iin_bin`);--> statement-breakpoint
CREATE TABLE `points_of_sale` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`title` text NOT NULL,
	`city` text NOT NULL,
	`address` text NOT NULL,
	`address_kz` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `points_of_sale_organisation_id_idx` ON `points_of_sale` (`organisation_id`);