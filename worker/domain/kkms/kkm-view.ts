/**
 * A KKM as the cabinet shows it: the registry row, its activation form
 * fields, and the lookup that scopes every KKM route to the caller's
 * organisation.
 */
import { and, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { kkms } from "../../db/schema";
import { kkmProfiles } from "../../db/schema-kkm-admin";
import { AppError } from "../../errors";

/** Device types of the activation form. */
export const DEVICE_TYPES = [
  "pos-system",
  "fiscal-registrar",
  "cloud",
  "mobile",
] as const;

/** VPN connection methods of the activation form. */
export const CONNECTION_METHODS = ["wired", "wireless"] as const;

/** Filers of the activation application. */
export const FILERS = ["organisation", "cto"] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** A KKM row with its profile; the profile is null for KKMs made elsewhere. */
export interface KkmRecord {
  kkm: typeof kkms.$inferSelect;
  profile: typeof kkmProfiles.$inferSelect | null;
}

/** A KKM as the API returns it. */
export interface KkmView {
  /** System id issued by the OFD. */
  id: number;
  kgdNumber: string;
  previousKgdNumber: string | null;
  serialNumber: string;
  modelId: string | null;
  /** The model's display name. */
  model: string;
  internalName: string;
  pointOfSaleId: string;
  timeZone: string;
  deviceType: DeviceType;
  connectionMethod: "wired" | "wireless" | null;
  operatingSystem: string | null;
  filedBy: "organisation" | "cto" | null;
  status: "registered" | "activated" | "blocked" | "deregistered";
  /** Reason for blocking or deregistration. */
  blockReason: string | null;
  registeredAt: string;
  activatedAt: string | null;
  deregisteredAt: string | null;
}

/** Builds the API view of a KKM record. */
export function kkmView({ kkm, profile }: KkmRecord): KkmView {
  return {
    id: kkm.id,
    kgdNumber: kkm.kgdNumber,
    previousKgdNumber: kkm.previousKgdNumber,
    serialNumber: kkm.serialNumber,
    modelId: profile?.modelId ?? null,
    model: kkm.model,
    internalName: kkm.internalName,
    pointOfSaleId: kkm.pointOfSaleId,
    timeZone: kkm.timeZone,
    deviceType: deviceTypeOf(kkm.deviceType),
    connectionMethod: profile?.connectionMethod ?? null,
    operatingSystem: profile?.operatingSystem ?? null,
    filedBy: profile?.filedBy ?? null,
    status: kkm.status,
    blockReason: kkm.blockReason,
    registeredAt: kkm.registeredAt,
    activatedAt: kkm.activatedAt,
    deregisteredAt: profile?.deregisteredAt ?? null,
  };
}

/**
 * Loads KKM `kkmId` of the organisation. Another organisation's KKM raises
 * the same NOT_FOUND as a missing one, so its existence does not leak.
 */
export async function findOwnedKkm(
  db: DrizzleD1Database,
  organisationId: string,
  kkmId: number,
): Promise<KkmRecord> {
  const [row] = await db
    .select({ kkm: kkms, profile: kkmProfiles })
    .from(kkms)
    .leftJoin(kkmProfiles, eq(kkmProfiles.kkmId, kkms.id))
    .where(and(eq(kkms.id, kkmId), eq(kkms.organisationId, organisationId)));
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      `KKM ${kkmId} not found in your organisation; check the system id`,
    );
  }
  return row;
}

function deviceTypeOf(value: string): DeviceType {
  return (DEVICE_TYPES as readonly string[]).includes(value)
    ? (value as DeviceType)
    : "pos-system";
}
