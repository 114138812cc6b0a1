CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text,
	`actor_id` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`changes` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_organisation_id_idx` ON `audit_log` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_kind_idx` ON `audit_log` (`actor_kind`,`id`);--> statement-breakpoint
CREATE TABLE `group_rights` (
	`group_id` text NOT NULL,
	`right` text NOT NULL,
	PRIMARY KEY(`group_id`, `right`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_organisation_id_name_idx` ON `groups` (`organisation_id`,`name`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`subject` text NOT NULL,
	`failed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_subject_idx` ON `login_failures` (`scope`,`subject`,`failed_at`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`link` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `offer_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`file_key` text,
	`file_name` text,
	`content_type` text,
	`signer_subject` text,
	`signer_serial_number` text,
	`signed_at` text,
	`submitted_by` text NOT NULL,
	`reviewer_id` text,
	`reject_reason` text,
	`reviewed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offer_applications_organisation_id_idx` ON `offer_applications` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `offer_applications_status_idx` ON `offer_applications` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `oked_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisation_profiles` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`registration_certificate_number` text NOT NULL,
	`registration_certificate_date` text NOT NULL,
	`actual_address` text NOT NULL,
	`director_full_name` text NOT NULL,
	`phone` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_id_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `single_use_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`user_id` text,
	`organisation_id` text,
	`email` text NOT NULL,
	`group_ids` text,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `single_use_tokens_user_id_idx` ON `single_use_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_groups` (
	`user_id` text NOT NULL,
	`group_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `group_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_groups_group_id_idx` ON `user_groups` (`group_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`organisation_id` text,
	`iin_bin` text,
	`login` text,
	`email` text DEFAULT '' NOT NULL,
	`email_confirmed` integer DEFAULT false NOT NULL,
	`full_name` text DEFAULT '' NOT NULL,
	`phone` text,
	`password_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_iin_bin_idx` ON `users` (`iin_bin`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_idx` ON `users` (`login`);--> statement-breakpoint
CREATE INDEX `users_organisation_id_idx` ON `users` (`organisation_id`);--> statement-breakpoint
-- OKED codes offered at registration; operators may add more rows.
INSERT INTO `oked_codes` (`code`, `name`) VALUES
('01110', 'Выращивание зерновых и зернобобовых культур, включая семена'),
('01410', 'Разведение молочного крупного рогатого скота'),
('10710', 'Производство хлеба; производство свежих мучных кондитерских изделий, тортов и пирожных'),
('10890', 'Производство прочих продуктов питания, не включенных в другие группировки'),
('41201', 'Строительство жилых зданий'),
('45201', 'Техническое обслуживание и ремонт легковых автомобилей и легких автотранспортных средств'),
('45310', 'Оптовая торговля автомобильными деталями, узлами и принадлежностями'),
('45320', 'Розничная торговля автомобильными деталями, узлами и принадлежностями'),
('46390', 'Неспециализированная оптовая торговля продуктами питания, напитками и табачными изделиями'),
('46900', 'Неспециализированная оптовая торговля'),
('47111', 'Розничная торговля в неспециализированных магазинах с преобладанием продуктов питания, включая напитки, и табачных изделий, в торговых объектах с торговой площадью менее 2000 кв.м'),
('47112', 'Розничная торговля в неспециализированных магазинах с преобладанием продуктов питания, включая напитки, и табачных изделий, в торговых объектах с торговой площадью 2000 кв.м и более'),
('47190', 'Прочая розничная торговля в неспециализированных магазинах'),
('47210', 'Розничная торговля фруктами и овощами в специализированных магазинах'),
('47220', 'Розничная торговля мясом и мясными продуктами в специализированных магазинах'),
('47241', 'Розничная торговля хлебобулочными изделиями в специализированных магазинах'),
('47250', 'Розничная торговля напитками в специализированных магазинах'),
('47301', 'Розничная торговля моторным топливом в специализированных магазинах'),
('47410', 'Розничная торговля компьютерами, периферийными устройствами и программным обеспечением в специализированных магазинах'),
('47420', 'Розничная торговля телекоммуникационным оборудованием в специализированных магазинах'),
('47510', 'Розничная торговля текстильными изделиями в специализированных магазинах'),
('47520', 'Розничная торговля скобяными изделиями, лакокрасочными материалами и стеклом в специализированных магазинах'),
('47591', 'Розничная торговля мебелью в специализированных магазинах'),
('47610', 'Розничная торговля книгами в специализированных магазинах'),
('47710', 'Розничная торговля одеждой в специализированных магазинах'),
('47721', 'Розничная торговля обувью в специализированных магазинах'),
('47730', 'Розничная торговля фармацевтическими товарами в специализированных магазинах'),
('47781', 'Розничная торговля очками, включая сборку оптических очков'),
('47810', 'Розничная торговля в палатках, ларьках и на рынках пищевыми продуктами, напитками и табачными изделиями'),
('47820', 'Розничная торговля в палатках, ларьках и на рынках текстилем, одеждой и обувью'),
('47910', 'Розничная торговля по почте или через информационно-коммуникационную сеть Интернет'),
('49320', 'Деятельность такси'),
('49410', 'Деятельность автомобильного грузового транспорта'),
('55101', 'Предоставление услуг гостиницами с ресторанами'),
('56101', 'Деятельность ресторанов и предоставление услуг по доставке продуктов питания'),
('56102', 'Деятельность предприятий, реализующих готовую продукцию общественного питания'),
('56290', 'Прочие виды организации питания'),
('56300', 'Подача напитков'),
('62010', 'Деятельность в области компьютерного программирования'),
('62020', 'Консультационные услуги в области информационных технологий'),
('68201', 'Аренда и управление собственной недвижимостью'),
('69202', 'Деятельность в области составления счетов и бухгалтерского учета'),
('86210', 'Общая врачебная практика'),
('95110', 'Ремонт компьютеров и периферийного оборудования'),
('96021', 'Предоставление услуг парикмахерскими');
