/**
 * The KKM view page's data: the registry fields with the point of sale,
 * plus live link and shift state read from the KKM's object. Reading it
 * also records a first exchange in D1 (registered → activated).
 */
import { and, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { KkmSessionStatus } from "../../../durable/kkm-session";
import { kkms, pointsOfSale } from "../../db/schema";
import type { Logger } from "../../log";
import { pushRegistration } from "../kkm-registry";
import { kkmSession } from "../kkm-session-stub";
import { POINT_OF_SALE_FIELDS, type PointOfSaleView } from "./catalog";
import {
  findOwnedKkm,
  kkmView,
  type KkmRecord,
  type KkmView,
} from "./kkm-view";

/** Link state of the register, from its object. */
export type KkmLiveStatus = Pick<
  KkmSessionStatus,
  | "online"
  | "lastContactAt"
  | "offlineSince"
  | "autonomousLimitPassedAt"
  | "openShiftNumber"
  | "offlineEpisodes"
  | "receiptCount"
>;

/** The open shift: number, opening local time and sales sum in tiyn. */
export interface ShiftSummary {
  shiftNumber: number | null;
  openedLocal: string | null;
  salesTotal: number;
  lastClosedShiftNumber: number | null;
}

/** A KKM with its point of sale and live state; live parts null when unread. */
export interface KkmDetails extends KkmView {
  pointOfSale: PointOfSaleView;
  live: KkmLiveStatus | null;
  shift: ShiftSummary | null;
}

/** Loads the details of KKM `kkmId` of the organisation. */
export async function kkmDetails(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  log: Logger,
): Promise<KkmDetails> {
  let record = await findOwnedKkm(db, organisationId, kkmId);
  const [pointOfSale] = await db
    .select(POINT_OF_SALE_FIELDS)
    .from(pointsOfSale)
    .where(eq(pointsOfSale.id, record.kkm.pointOfSaleId));

  const stub = kkmSession(env, kkmId);
  let live: KkmSessionStatus | null = null;
  let shift: ShiftSummary | null = null;
  try {
    [live, shift] = await Promise.all([
      stub.getStatus(),
      stub.getShiftSummary(),
    ]);
  } catch (error) {
    // The page still shows the registry fields when the object fails.
    log.warn("kkm live state unavailable", { kkmId, error });
  }

  if (await recordActivation(db, env, record, live?.activatedAt ?? null)) {
    record = await findOwnedKkm(db, organisationId, kkmId);
  }
  return {
    ...kkmView(record),
    pointOfSale: pointOfSale!,
    live: live && {
      online: live.online,
      lastContactAt: live.lastContactAt,
      offlineSince: live.offlineSince,
      autonomousLimitPassedAt: live.autonomousLimitPassedAt,
      openShiftNumber: live.openShiftNumber,
      offlineEpisodes: live.offlineEpisodes,
      receiptCount: live.receiptCount,
    },
    shift,
  };
}

/**
 * Marks a registered KKM activated in D1 once its object reports a first
 * accepted exchange, and pushes the new status to the object. Returns true
 * when it changed the row.
 */
export async function recordActivation(
  db: DrizzleD1Database,
  env: Env,
  record: KkmRecord,
  activatedAt: string | null,
): Promise<boolean> {
  if (record.kkm.status !== "registered" || activatedAt === null) {
    return false;
  }

  // The status condition makes concurrent readers write the change once.
  const changed = await db
    .update(kkms)
    .set({ status: "activated", activatedAt })
    .where(and(eq(kkms.id, record.kkm.id), eq(kkms.status, "registered")))
    .returning({ id: kkms.id });
  if (changed.length > 0) await pushRegistration(db, env, record.kkm.id);
  return true;
}

/**
 * Records the first exchange of the registered KKMs among `records`, so
 * a list shows them activated; returns the records with fresh fields.
 */
export async function refreshActivations(
  db: DrizzleD1Database,
  env: Env,
  records: KkmRecord[],
  log: Logger,
): Promise<KkmRecord[]> {
  return Promise.all(
    records.map(async (record) => {
      if (record.kkm.status !== "registered") return record;
      try {
        const status = await kkmSession(env, record.kkm.id).getStatus();
        if (!(await recordActivation(db, env, record, status.activatedAt))) {
          return record;
        }
        return {
          ...record,
          kkm: {
            ...record.kkm,
            status: "activated" as const,
            activatedAt: status.activatedAt,
          },
        };
      } catch (error) {
        log.warn("kkm activation check failed", {
          kkmId: record.kkm.id,
          error,
        });
        return record;
      }
    }),
  );
}
