CREATE TABLE `kkm_models` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`manufacturer` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kkm_profiles` (
	`kkm_id` integer PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`connection_method` text NOT NULL,
	`operating_system` text NOT NULL,
	`filed_by` text NOT NULL,
	`token_issued_at` text NOT NULL,
	`deregistered_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`kkm_id`) REFERENCES `kkms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_id`) REFERENCES `kkm_models`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kkm_profiles_model_id_idx` ON `kkm_profiles` (`model_id`);--> statement-breakpoint
-- Seed of approved models; operators edit the list later.
INSERT INTO `kkm_models` (`id`, `name`, `manufacturer`) VALUES
	('atol-30f', 'АТОЛ 30Ф', 'АТОЛ'),
	('atol-sigma-10', 'АТОЛ Sigma 10', 'АТОЛ'),
	('shtrih-m-01f', 'ШТРИХ-М-01Ф', 'Штрих-М'),
	('shtrih-light-02', 'ШТРИХ-LIGHT-02', 'Штрих-М'),
	('mercury-115f', 'Меркурий-115Ф', 'Инкотекс'),
	('datecs-dp-150', 'DP-150 KZ', 'Datecs'),
	('datecs-fp-700', 'FP-700 KZ', 'Datecs'),
	('pax-a920', 'PAX A920', 'PAX Technology'),
	('sunmi-v2-pro', 'SUNMI V2 Pro', 'Sunmi'),
	('webkassa-cloud', 'Webkassa (облачная ККМ)', 'Webkassa'),
	('rekassa-mobile', 'reKassa (мобильная ККМ)', 'reKassa'),
	('kassa24-pos', 'Kassa24 POS', 'Kassa24');
