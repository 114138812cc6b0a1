/**
 * Activation of a KKM from the cabinet: checks every field, registers the
 * KKM through the registry (which pushes it into the KKM's object with its
 * first token) and stores the form's remaining fields.
 */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { kkms, pointsOfSale } from "../../db/schema";
import { kkmProfiles } from "../../db/schema-kkm-admin";
import { AppError } from "../../errors";
import { registerKkm } from "../kkm-registry";
import {
  pointOfSaleRow,
  requireModel,
  requirePointOfSale,
  type NewPointOfSale,
} from "./catalog";
import {
  findOwnedKkm,
  kkmView,
  type DeviceType,
  type KkmView,
} from "./kkm-view";

/** The activation form. Exactly one of the two point of sale fields is set. */
export interface ActivationInput {
  kgdNumber: string;
  serialNumber: string;
  modelId: string;
  internalName: string;
  pointOfSaleId?: string;
  newPointOfSale?: NewPointOfSale;
  timeZone: string;
  deviceType: DeviceType;
  connectionMethod: "wired" | "wireless";
  operatingSystem: string;
  filedBy: "organisation" | "cto";
}

/** The activated KKM and its first token, which is shown only this once. */
export interface ActivatedKkm {
  kkm: KkmView;
  token: number;
}

/**
 * Activates a KKM of the organisation. Every check runs before the first
 * write, so a rejected form writes nothing. Raises BAD_REQUEST for an
 * unknown model or point of sale and CONFLICT for a KGD number in use.
 */
export async function activateKkm(
  db: DrizzleD1Database,
  env: Env,
  organisationId: string,
  input: ActivationInput,
  now: Date,
): Promise<ActivatedKkm> {
  const model = await requireModel(db, input.modelId);
  if (input.pointOfSaleId) {
    await requirePointOfSale(db, organisationId, input.pointOfSaleId);
  } else if (!input.newPointOfSale) {
    throw new AppError(
      "BAD_REQUEST",
      "pointOfSaleId: give pointOfSaleId or newPointOfSale",
    );
  }
  await assertKgdNumberFree(db, input.kgdNumber);

  const newPoint = input.newPointOfSale
    ? pointOfSaleRow(organisationId, input.newPointOfSale)
    : null;
  if (newPoint) await db.insert(pointsOfSale).values(newPoint);
  const pointOfSaleId = newPoint?.id ?? input.pointOfSaleId!;

  const issued = await registerOrConflict(
    db,
    env,
    {
      organisationId,
      pointOfSaleId,
      kgdNumber: input.kgdNumber,
      serialNumber: input.serialNumber,
      model: model.name,
      internalName: input.internalName,
      timeZone: input.timeZone,
    },
    newPoint?.id ?? null,
  );

  // registerKkm does not take the device type, so it is set here, in one
  // batch with the profile row.
  await db.batch([
    db
      .update(kkms)
      .set({ deviceType: input.deviceType })
      .where(eq(kkms.id, issued.kkmId)),
    db.insert(kkmProfiles).values({
      kkmId: issued.kkmId,
      modelId: model.id,
      connectionMethod: input.connectionMethod,
      operatingSystem: input.operatingSystem,
      filedBy: input.filedBy,
      tokenIssuedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }),
  ]);

  const record = await findOwnedKkm(db, organisationId, issued.kkmId);
  return { kkm: kkmView(record), token: issued.token };
}

/** Raises CONFLICT when another KKM has `kgdNumber`, except `exceptKkmId`. */
export async function assertKgdNumberFree(
  db: DrizzleD1Database,
  kgdNumber: string,
  exceptKkmId?: number,
): Promise<void> {
  const [holder] = await db
    .select({ id: kkms.id })
    .from(kkms)
    .where(eq(kkms.kgdNumber, kgdNumber));
  if (holder && holder.id !== exceptKkmId) throw kgdConflict(kgdNumber);
}

/** True when a D1 error is a UNIQUE constraint failure. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.message.includes("UNIQUE constraint failed")) return true;
  }
  return false;
}

/** Builds the CONFLICT error of a KGD number that another KKM has. */
export function kgdConflict(kgdNumber: string): AppError {
  return new AppError(
    "CONFLICT",
    `kgdNumber: ${kgdNumber} is already registered for another KKM; check the number on the KGD registration card`,
  );
}

/**
 * Registers the KKM; a KGD number taken by a concurrent activation raises
 * CONFLICT and removes the point of sale created for this form.
 */
async function registerOrConflict(
  db: DrizzleD1Database,
  env: Env,
  input: Parameters<typeof registerKkm>[2],
  createdPointOfSaleId: string | null,
) {
  try {
    return await registerKkm(db, env, input);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (createdPointOfSaleId) {
      await db
        .delete(pointsOfSale)
        .where(eq(pointsOfSale.id, createdPointOfSaleId));
    }
    throw kgdConflict(input.kgdNumber);
  }
}
