CREATE TABLE `cashiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kkm_id` integer NOT NULL,
	`login` text NOT NULL,
	`operator_code` integer NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`kkm_id`) REFERENCES `kkms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cashiers_kkm_login_idx` ON `cashiers` (`kkm_id`,`login`);--> statement-breakpoint
CREATE TABLE `national_catalogue` (
	`barcode` text PRIMARY KEY NOT NULL,
	`ntin` text NOT NULL,
	`name_ru` text NOT NULL,
	`name_kk` text,
	`measure_unit_code` text,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `nomenclature_elements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`type` text NOT NULL,
	`parent_group_id` integer,
	`title` text NOT NULL,
	`title_kk` text,
	`article` text,
	`barcode` text,
	`description` text,
	`sell_price` integer,
	`purchase_price` integer,
	`measure_unit_code` text,
	`measure_title` text,
	`measure_fractional` integer DEFAULT false NOT NULL,
	`ntin` text,
	`vat_percent` integer,
	`taxation_type` integer,
	`is_marked` integer DEFAULT false NOT NULL,
	`is_social` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_group_id`) REFERENCES `nomenclature_elements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nomenclature_elements_organisation_id_idx` ON `nomenclature_elements` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `nomenclature_versions` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
