/**
 * Portal accounts: users and their sessions, single-use tokens, failed
 * logins, the mail outbox, groups and rights, the audit log, offer contract
 * applications, the OKED classifier and organisation requisites.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { organisations } from "./schema";

/** A UTC ISO timestamp column set by D1 when the row is inserted. */
const insertedAt = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const users = sqliteTable(
  "users",
  {
    /** Time-ordered id, `user_…`; list routes page by it. */
    id: text("id").primaryKey(),
    /** taxpayer (signs up or is invited) or operator (OFD staff). */
    kind: text("kind", { enum: ["taxpayer", "operator"] }).notNull(),
    /** Null for operators. */
    organisationId: text("organisation_id").references(() => organisations.id),
    /** The taxpayer's login: the person's IIN or the organisation's BIN. */
    iinBin: text("iin_bin"),
    /** The operator's login; null for taxpayers. */
    login: text("login"),
    email: text("email").notNull().default(""),
    emailConfirmed: integer("email_confirmed", { mode: "boolean" })
      .notNull()
      .default(false),
    fullName: text("full_name").notNull().default(""),
    phone: text("phone"),
    /** `pbkdf2-sha256$…` from worker/domain/password.ts. */
    passwordHash: text("password_hash").notNull(),
    createdAt: insertedAt("created_at"),
  },
  (table) => [
    uniqueIndex("users_iin_bin_idx").on(table.iinBin),
    uniqueIndex("users_login_idx").on(table.login),
    index("users_organisation_id_idx").on(table.organisationId),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** Hex SHA-256 of the cookie value; the value itself is never stored. */
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Expected in the x-csrf-token header of state-changing requests. */
    csrfToken: text("csrf_token").notNull(),
    /** UTC ISO time; every request moves it 12 hours ahead. */
    expiresAt: text("expires_at").notNull(),
    createdAt: insertedAt("created_at"),
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

export const singleUseTokens = sqliteTable(
  "single_use_tokens",
  {
    /** Hex SHA-256 of the token sent in the link. */
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", {
      enum: ["password_reset", "email_confirm", "invitation"],
    }).notNull(),
    /** The user a reset or confirmation is for; null for invitations. */
    userId: text("user_id").references(() => users.id, {
      onDelete: "cascade",
    }),
    /** The organisation an invitation joins. */
    organisationId: text("organisation_id"),
    /** The address the link was sent to. */
    email: text("email").notNull(),
    /** Invitations: JSON array of the group ids the new user joins. */
    groupIds: text("group_ids"),
    expiresAt: text("expires_at").notNull(),
    /** Set when the token is spent; a used token is never accepted again. */
    usedAt: text("used_at"),
    createdAt: insertedAt("created_at"),
  },
  (table) => [index("single_use_tokens_user_id_idx").on(table.userId)],
);

export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** account (the IIN/BIN or operator login typed) or address (client IP). */
    scope: text("scope", { enum: ["account", "address"] }).notNull(),
    subject: text("subject").notNull(),
    failedAt: text("failed_at").notNull(),
  },
  (table) => [
    index("login_failures_subject_idx").on(
      table.scope,
      table.subject,
      table.failedAt,
    ),
  ],
);

export const mailOutbox = sqliteTable("mail_outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  link: text("link"),
  createdAt: text("created_at").notNull(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The organisation concerned; null for entries about operators only. */
    organisationId: text("organisation_id"),
    actorId: text("actor_id").notNull(),
    actorKind: text("actor_kind", { enum: ["taxpayer", "operator"] }).notNull(),
    /** The actor's name at the time, kept if the user is deleted later. */
    actorName: text("actor_name").notNull(),
    /** A dotted verb, e.g. organisation.update or organisation.block. */
    action: text("action").notNull(),
    /** user, organisation, group, application or oked (a classifier code). */
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    /** JSON object: field → { from, to }. */
    changes: text("changes").notNull().default("{}"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("audit_log_organisation_id_idx").on(table.organisationId, table.id),
    index("audit_log_actor_kind_idx").on(table.actorKind, table.id),
  ],
);

export const groups = sqliteTable(
  "groups",
  {
    /** Time-ordered id, `grp_…`. */
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    createdAt: insertedAt("created_at"),
  },
  (table) => [
    uniqueIndex("groups_organisation_id_name_idx").on(
      table.organisationId,
      table.name,
    ),
  ],
);

export const groupRights = sqliteTable(
  "group_rights",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** One of RIGHTS in worker/auth/rights.ts. */
    right: text("right").notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.right] })],
);

export const userGroups = sqliteTable(
  "user_groups",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.groupId] }),
    index("user_groups_group_id_idx").on(table.groupId),
  ],
);

export const offerApplications = sqliteTable(
  "offer_applications",
  {
    /** Time-ordered id, `app_…`. */
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    method: text("method", { enum: ["paper", "signature"] }).notNull(),
    status: text("status", {
      enum: ["paper_pending", "accepted", "rejected"],
    }).notNull(),
    /** R2 key (FILES bucket) of the uploaded scan; paper only. */
    fileKey: text("file_key"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    /** Signature only: the signing certificate's subject and serial. */
    signerSubject: text("signer_subject"),
    signerSerialNumber: text("signer_serial_number"),
    signedAt: text("signed_at"),
    submittedBy: text("submitted_by").notNull(),
    /** The operator who approved or rejected a paper application. */
    reviewerId: text("reviewer_id"),
    /** Shown to the taxpayer when a paper application is rejected. */
    rejectReason: text("reject_reason"),
    reviewedAt: text("reviewed_at"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("offer_applications_organisation_id_idx").on(
      table.organisationId,
      table.id,
    ),
    index("offer_applications_status_idx").on(table.status, table.id),
  ],
);

export const okedCodes = sqliteTable("oked_codes", {
  /** OKED (general classifier of economic activities) code, 5 digits. */
  code: text("code").primaryKey(),
  /** Russian name of the activity. */
  name: text("name").notNull(),
});

/** Requisites entered at registration step 2 beyond the registry columns. */
export const organisationProfiles = sqliteTable("organisation_profiles", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  registrationCertificateNumber: text(
    "registration_certificate_number",
  ).notNull(),
  /** YYYY-MM-DD. */
  registrationCertificateDate: text("registration_certificate_date").notNull(),
  actualAddress: text("actual_address").notNull(),
  directorFullName: text("director_full_name").notNull(),
  /** International format, e.g. +7 7172 123456. */
  phone: text("phone").notNull(),
  updatedAt: text("updated_at").notNull(),
});
