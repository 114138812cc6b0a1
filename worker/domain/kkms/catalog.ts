/** The approved KKM models and the organisation's points of sale. */
import { and, asc, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { pointsOfSale } from "../../db/schema";
import { kkmModels } from "../../db/schema-kkm-admin";
import { AppError } from "../../errors";
import { newId } from "../ids";

/** An approved model. */
export interface KkmModelView {
  id: string;
  name: string;
  manufacturer: string;
}

/** A point of sale as the API returns it. */
export interface PointOfSaleView {
  id: string;
  title: string;
  city: string;
  address: string;
  addressKz: string | null;
}

/** Fields of a new point of sale. */
export interface NewPointOfSale {
  title: string;
  city: string;
  address: string;
  addressKz?: string | null;
}

/** Lists the approved models by manufacturer and name. */
export async function listModels(
  db: DrizzleD1Database,
): Promise<KkmModelView[]> {
  return db
    .select({
      id: kkmModels.id,
      name: kkmModels.name,
      manufacturer: kkmModels.manufacturer,
    })
    .from(kkmModels)
    .orderBy(asc(kkmModels.manufacturer), asc(kkmModels.name));
}

/** Loads model `modelId`; raises BAD_REQUEST naming `modelId` when unknown. */
export async function requireModel(
  db: DrizzleD1Database,
  modelId: string,
): Promise<KkmModelView> {
  const [model] = await db
    .select()
    .from(kkmModels)
    .where(eq(kkmModels.id, modelId));
  if (!model) {
    throw new AppError(
      "BAD_REQUEST",
      `modelId: "${modelId}" is not an approved model; pick one from GET /api/kkms/models`,
    );
  }
  return { id: model.id, name: model.name, manufacturer: model.manufacturer };
}

/** Lists the organisation's points of sale by city and address. */
export async function listPointsOfSale(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<PointOfSaleView[]> {
  return db
    .select(POINT_OF_SALE_FIELDS)
    .from(pointsOfSale)
    .where(eq(pointsOfSale.organisationId, organisationId))
    .orderBy(
      asc(pointsOfSale.city),
      asc(pointsOfSale.address),
      asc(pointsOfSale.id),
    );
}

/** Creates a point of sale of the organisation. */
export async function createPointOfSale(
  db: DrizzleD1Database,
  organisationId: string,
  input: NewPointOfSale,
): Promise<PointOfSaleView> {
  const row = pointOfSaleRow(organisationId, input);
  await db.insert(pointsOfSale).values(row);
  return view(row);
}

/** Builds the insert values of a new point of sale. */
export function pointOfSaleRow(organisationId: string, input: NewPointOfSale) {
  return {
    id: newId("pos"),
    organisationId,
    title: input.title,
    city: input.city,
    address: input.address,
    addressKz: input.addressKz ?? null,
  };
}

/**
 * Loads point of sale `id` of the organisation; raises BAD_REQUEST naming
 * `field` when it is missing or another organisation's.
 */
export async function requirePointOfSale(
  db: DrizzleD1Database,
  organisationId: string,
  id: string,
  field = "pointOfSaleId",
): Promise<PointOfSaleView> {
  const [row] = await db
    .select(POINT_OF_SALE_FIELDS)
    .from(pointsOfSale)
    .where(
      and(
        eq(pointsOfSale.id, id),
        eq(pointsOfSale.organisationId, organisationId),
      ),
    );
  if (!row) {
    throw new AppError(
      "BAD_REQUEST",
      `${field}: "${id}" is not a point of sale of your organisation; pick one from GET /api/kkms/points-of-sale`,
    );
  }
  return row;
}

/** Columns of a point of sale as the API returns it. */
export const POINT_OF_SALE_FIELDS = {
  id: pointsOfSale.id,
  title: pointsOfSale.title,
  city: pointsOfSale.city,
  address: pointsOfSale.address,
  addressKz: pointsOfSale.addressKz,
};

function view(row: ReturnType<typeof pointOfSaleRow>): PointOfSaleView {
  return {
    id: row.id,
    title: row.title,
    city: row.city,
    address: row.address,
    addressKz: row.addressKz,
  };
}
