/**
 * Registration of KKMs: the row in D1 is the registry, and every change is
 * pushed into the KKM's Durable Object, which answers the register without
 * reading D1.
 */
import { eq, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { cryptoRandom, newToken } from "../../durable/kkm/random";
import type { KkmRegistration } from "../../durable/kkm/registration";
import { kkms, organisations, pointsOfSale } from "../db/schema";
import { kkmSession } from "./kkm-session-stub";

/** System ids start above this number. */
const FIRST_KKM_ID = 100_000;

export interface NewKkm {
  organisationId: string;
  pointOfSaleId: string;
  kgdNumber: string;
  serialNumber: string;
  model: string;
  internalName: string;
  timeZone: string;
}

/** The issued system id and the first token, shown to the taxpayer once. */
export interface IssuedKkm {
  kkmId: number;
  token: number;
}

/**
 * Registers a KKM: a row with the next system id, then its registration
 * and a new token in its object.
 */
export async function registerKkm(
  db: DrizzleD1Database,
  env: Env,
  input: NewKkm,
): Promise<IssuedKkm> {
  const [row] = await db
    .insert(kkms)
    .values({
      ...input,
      // One statement, so two registrations cannot draw the same id.
      id: sql`(SELECT COALESCE(MAX(id), ${FIRST_KKM_ID}) + 1 FROM kkms)`,
    })
    .returning({ id: kkms.id });
  if (!row) throw new Error("KKM insert returned no row");

  const token = newToken(cryptoRandom, 0);
  await pushRegistration(db, env, row.id, token);
  return { kkmId: row.id, token };
}

/**
 * Sends the KKM's current registration from D1 to its object; with `token`
 * the object also switches to that token at once.
 */
export async function pushRegistration(
  db: DrizzleD1Database,
  env: Env,
  kkmId: number,
  token?: number,
): Promise<void> {
  const registration = await loadRegistration(db, kkmId);
  if (!registration) throw new Error(`KKM ${kkmId} is not in the registry`);
  await kkmSession(env, kkmId).register(registration, token);
}

/** Reads what a KKM's object needs to know about its registration. */
export async function loadRegistration(
  db: DrizzleD1Database,
  kkmId: number,
): Promise<KkmRegistration | null> {
  const [row] = await db
    .select({
      kkm: kkms,
      organisation: organisations,
      pointOfSale: pointsOfSale,
    })
    .from(kkms)
    .innerJoin(organisations, eq(kkms.organisationId, organisations.id))
    .innerJoin(pointsOfSale, eq(kkms.pointOfSaleId, pointsOfSale.id))
    .where(eq(kkms.id, kkmId));
  if (!row) return null;

  const { kkm, organisation, pointOfSale } = row;
  // A blocked organisation blocks all of its KKMs, with its reason.
  const organisationBlocked = organisation.status === "blocked";
  return {
    kkmId: kkm.id,
    kgdNumber: kkm.kgdNumber,
    serialNumber: kkm.serialNumber,
    model: kkm.model,
    timeZone: kkm.timeZone,
    status:
      organisationBlocked && kkm.status !== "deregistered"
        ? "blocked"
        : kkm.status,
    blockReason: organisationBlocked
      ? organisation.blockReason
      : kkm.blockReason,
    organisation: {
      title: organisation.title,
      address: organisation.legalAddress,
      addressKz: organisation.legalAddressKz,
      iinBin: organisation.iinBin,
      okved: organisation.okved,
    },
    pointOfSale: {
      title: pointOfSale.title,
      address: `${pointOfSale.city}, ${pointOfSale.address}`,
      addressKz: pointOfSale.addressKz,
    },
  };
}
