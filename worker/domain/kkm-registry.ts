/**
 * Registration of KKMs: the row in D1 is the registry, and every change is
 * pushed into the KKM's Durable Object, which answers the register without
 * reading D1.
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { cryptoRandom, newToken } from "../../durable/kkm/random";
import type { KkmRegistration } from "../../durable/kkm/registration";
import { kkms, organisations, pointsOfSale } from "../db/schema";
import { ticketAds } from "../db/schema-reports";
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
  const ads = await db
    .select()
    .from(ticketAds)
    .where(
      or(
        eq(ticketAds.scope, "ofd"),
        and(
          eq(ticketAds.scope, "organisation"),
          eq(ticketAds.scopeId, organisation.id),
        ),
        and(
          eq(ticketAds.scope, "point_of_sale"),
          eq(ticketAds.scopeId, pointOfSale.id),
        ),
        and(eq(ticketAds.scope, "kkm"), eq(ticketAds.scopeId, String(kkm.id))),
      ),
    );

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
      id: organisation.id,
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
    taxation: {
      taxationType: TAXATION_TYPES[organisation.taxationRegime] ?? 101,
      vatPercents: organisation.vatPayer ? [STANDARD_VAT_PERCENT] : [],
    },
    ticketAds: ads.map((ad) => ({
      type: AD_TYPES[ad.scope],
      version: ad.version,
      text: ad.text,
    })),
  };
}

/** Protocol TaxationTypeEnum numbers of the taxation regimes. */
const TAXATION_TYPES: Record<string, number> = {
  simplified: 100,
  general: 101,
  farm: 102,
  patent: 103,
};

/** The standard VAT rate since 2026, in thousandths. */
const STANDARD_VAT_PERCENT = 16_000;

/** TicketAdTypeEnum numbers: each scope has its own ad type. */
const AD_TYPES = {
  ofd: 0,
  organisation: 1,
  point_of_sale: 2,
  kkm: 3,
} as const;
