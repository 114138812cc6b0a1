/** Response schemas of the portal routes, for validation of shapes and docs. */
import { z } from "@hono/zod-openapi";

export const UserSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["taxpayer", "operator"]),
    iinBin: z.string().nullable(),
    login: z.string().nullable(),
    email: z.string(),
    emailConfirmed: z.boolean(),
    fullName: z.string(),
    phone: z.string().nullable(),
  })
  .openapi("User");

export const OrganisationSchema = z
  .object({
    id: z.string(),
    iinBin: z.string(),
    fullName: z.string(),
    registrationCertificateNumber: z.string(),
    registrationCertificateDate: z.string(),
    legalAddress: z.string(),
    actualAddress: z.string(),
    taxationRegime: z.string(),
    okedCode: z.string(),
    directorFullName: z.string(),
    phone: z.string(),
    status: z.enum(["active", "blocked"]),
    blockReason: z.string().nullable(),
  })
  .openapi("Organisation");

export const OfferStateSchema = z
  .object({
    status: z.enum(["none", "paper_pending", "rejected", "accepted"]),
    method: z.enum(["paper", "signature"]).nullable(),
    rejectReason: z.string().nullable(),
  })
  .openapi("OfferState");

export const SignedInSchema = z
  .object({ user: UserSchema, csrfToken: z.string() })
  .openapi("SignedIn");

export const MeSchema = z
  .object({
    user: UserSchema,
    organisation: OrganisationSchema.nullable(),
    rights: z.array(z.string()),
    csrfToken: z.string(),
    registration: z
      .object({
        step: z.union([z.literal(2), z.literal(3), z.literal(4)]),
        offer: OfferStateSchema,
      })
      .nullable(),
  })
  .openapi("Me");

export const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.object({
      id: z.string(),
      kind: z.enum(["taxpayer", "operator"]),
      name: z.string(),
    }),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    organisationId: z.string().nullable(),
    changes: z.record(
      z.string(),
      z.object({ from: z.unknown(), to: z.unknown() }),
    ),
  })
  .openapi("AuditEntry");

/** A page of `item`: {items, nextCursor}. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A JSON response of `schema`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
