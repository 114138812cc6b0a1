/**
 * Changes to an activated KKM from the cabinet: edits, a new token,
 * blocking and deregistration. Each change is written to D1 and then
 * pushed into the KKM's object, which serves the register from it.
 */
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { cryptoRandom, newToken } from "../../../durable/kkm/random";
import { kkms } from "../../db/schema";
import { kkmProfiles } from "../../db/schema-kkm-admin";
import { AppError } from "../../errors";
import { pushRegistration } from "../kkm-registry";
import { kkmSession } from "../kkm-session-stub";
import {
  assertKgdNumberFree,
  isUniqueViolation,
  kgdConflict,
} from "./activation";
import { requireModel, requirePointOfSale } from "./catalog";
import {
  findOwnedKkm,
  kkmView,
  type DeviceType,
  type KkmRecord,
  type KkmView,
} from "./kkm-view";

/** Fields of the activation form that may change; absent ones stay. */
export interface KkmChanges {
  internalName?: string;
  pointOfSaleId?: string;
  kgdNumber?: string;
  serialNumber?: string;
  modelId?: string;
  timeZone?: string;
  deviceType?: DeviceType;
  connectionMethod?: "wired" | "wireless";
  operatingSystem?: string;
  filedBy?: "organisation" | "cto";
}

/**
 * Edits a KKM. A new KGD number keeps the old one as the previous number.
 * Raises CONFLICT for a deregistered KKM or a KGD number in use.
 */
export async function updateKkm(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  changes: KkmChanges,
  now: Date,
): Promise<KkmView> {
  const record = await findOwnedKkm(db, organisationId, kkmId);
  assertNotDeregistered(record);
  const model = changes.modelId
    ? await requireModel(db, changes.modelId)
    : null;
  if (changes.pointOfSaleId) {
    await requirePointOfSale(db, organisationId, changes.pointOfSaleId);
  }
  const kgdChanged =
    changes.kgdNumber !== undefined &&
    changes.kgdNumber !== record.kkm.kgdNumber;
  if (kgdChanged) await assertKgdNumberFree(db, changes.kgdNumber!, kkmId);
  const profile = profileValues(record, changes, now);

  const registrySet = definedOnly({
    internalName: changes.internalName,
    pointOfSaleId: changes.pointOfSaleId,
    serialNumber: changes.serialNumber,
    timeZone: changes.timeZone,
    deviceType: changes.deviceType,
    model: model?.name,
    kgdNumber: kgdChanged ? changes.kgdNumber : undefined,
    previousKgdNumber: kgdChanged ? record.kkm.kgdNumber : undefined,
  });
  const writes: BatchItem<"sqlite">[] = [];
  if (Object.keys(registrySet).length > 0) {
    writes.push(db.update(kkms).set(registrySet).where(eq(kkms.id, kkmId)));
  }
  if (profile) {
    writes.push(
      db
        .insert(kkmProfiles)
        .values(profile)
        .onConflictDoUpdate({ target: kkmProfiles.kkmId, set: profile }),
    );
  }
  const [first, ...rest] = writes;
  try {
    if (first) await db.batch([first, ...rest]);
  } catch (error) {
    if (isUniqueViolation(error)) throw kgdConflict(changes.kgdNumber ?? "");
    throw error;
  }

  await pushRegistration(db, env, kkmId);
  return kkmView(await findOwnedKkm(db, organisationId, kkmId));
}

/**
 * Issues a new token: the object switches to it at once, so a frame with
 * the old token is rejected from now on. The token is returned only here.
 */
export async function resetKkmToken(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  now: Date,
): Promise<{ token: number }> {
  const record = await findOwnedKkm(db, organisationId, kkmId);
  assertNotDeregistered(record);

  const token = newToken(cryptoRandom, 0);
  await pushRegistration(db, env, kkmId, token);
  await db
    .update(kkmProfiles)
    .set({ tokenIssuedAt: now.toISOString(), updatedAt: now.toISOString() })
    .where(eq(kkmProfiles.kkmId, kkmId));
  return { token };
}

/**
 * Deregisters a KKM: its receipts and reports are kept, and the register
 * gets result 15 (blocked) with `reason` from now on.
 */
export async function deregisterKkm(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  reason: string,
  now: Date,
): Promise<KkmView> {
  const record = await findOwnedKkm(db, organisationId, kkmId);
  assertNotDeregistered(record);

  await db.batch([
    db
      .update(kkms)
      .set({ status: "deregistered", blockReason: reason })
      .where(eq(kkms.id, kkmId)),
    db
      .update(kkmProfiles)
      .set({ deregisteredAt: now.toISOString(), updatedAt: now.toISOString() })
      .where(eq(kkmProfiles.kkmId, kkmId)),
  ]);

  await pushRegistration(db, env, kkmId);
  return kkmView(await findOwnedKkm(db, organisationId, kkmId));
}

/**
 * Blocks (`reason` set) or unblocks (`reason` null) a KKM. A blocked
 * register gets result 15 with the reason; an unblocked one returns to
 * activated, or to registered when it never exchanged a frame.
 */
export async function setKkmBlocked(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  kkmId: number,
  reason: string | null,
): Promise<KkmView> {
  const record = await findOwnedKkm(db, organisationId, kkmId);
  assertNotDeregistered(record);
  if (reason === null && record.kkm.status !== "blocked") {
    throw new AppError(
      "CONFLICT",
      `KKM ${kkmId} is ${record.kkm.status}, not blocked; there is nothing to unblock`,
    );
  }

  // D1 may not know of the first exchange yet; the object records it.
  const activatedAt =
    reason === null
      ? (record.kkm.activatedAt ??
        (await kkmSession(env, kkmId).getStatus()).activatedAt)
      : record.kkm.activatedAt;
  let status: "blocked" | "activated" | "registered" = "registered";
  if (reason !== null) status = "blocked";
  else if (activatedAt) status = "activated";
  await db
    .update(kkms)
    .set({ status, blockReason: reason, activatedAt })
    .where(eq(kkms.id, kkmId));

  await pushRegistration(db, env, kkmId);
  return kkmView(await findOwnedKkm(db, organisationId, kkmId));
}

function assertNotDeregistered(record: KkmRecord): void {
  if (record.kkm.status === "deregistered") {
    throw new AppError(
      "CONFLICT",
      `KKM ${record.kkm.id} is deregistered and cannot change; activate the register again as a new KKM`,
    );
  }
}

/**
 * Builds the profile row after `changes`, or null when none of its fields
 * change.
 * A KKM registered without a profile needs all four form fields at once.
 */
function profileValues(record: KkmRecord, changes: KkmChanges, now: Date) {
  const touched =
    changes.modelId !== undefined ||
    changes.connectionMethod !== undefined ||
    changes.operatingSystem !== undefined ||
    changes.filedBy !== undefined;
  if (!touched) return null;

  const current = record.profile;
  const modelId = changes.modelId ?? current?.modelId;
  const connectionMethod =
    changes.connectionMethod ?? current?.connectionMethod;
  const operatingSystem = changes.operatingSystem ?? current?.operatingSystem;
  const filedBy = changes.filedBy ?? current?.filedBy;
  if (!modelId || !connectionMethod || !operatingSystem || !filedBy) {
    throw new AppError(
      "BAD_REQUEST",
      "modelId, connectionMethod, operatingSystem, filedBy: this KKM has none of them yet, so give all four together",
    );
  }
  return {
    kkmId: record.kkm.id,
    modelId,
    connectionMethod,
    operatingSystem,
    filedBy,
    tokenIssuedAt: current?.tokenIssuedAt ?? now.toISOString(),
    deregisteredAt: current?.deregisteredAt ?? null,
    updatedAt: now.toISOString(),
  };
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
