/**
 * Demo data for local runs: one organisation with a portal account, one
 * point of sale and two KKMs. Seeding twice finds the rows by their natural
 * keys and adds nothing.
 */
import { and, eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import { kkms, organisations, pointsOfSale } from "../db/schema";
import {
  DEMO_REQUISITES,
  ensureDemoAccount,
  type DemoSignIn,
} from "./demo-account";
import { newId } from "./ids";
import { kkmSession } from "./kkm-session-stub";
import { pushRegistration, registerKkm } from "./kkm-registry";

/** A synthetic BIN with a valid check digit. */
export const DEMO_BIN = "250140000013";

const DEMO_KKMS = [
  {
    kgdNumber: "620300014538",
    serialNumber: "SN00000001",
    internalName: "Till 1",
  },
  {
    kgdNumber: "620300014539",
    serialNumber: "SN00000002",
    internalName: "Till 2",
  },
];

/** Most demo KKMs one seed creates; benchmarks ask for more than two. */
export const MAX_DEMO_KKMS = 200;

/** The first `count` demo KKMs: the two named tills, then numbered ones. */
function demoKkms(count: number) {
  const extra = Array.from(
    { length: Math.max(count - DEMO_KKMS.length, 0) },
    (_, i) => {
      const number = i + DEMO_KKMS.length + 1;
      return {
        kgdNumber: `62030002${String(number).padStart(4, "0")}`,
        serialNumber: `SN${String(number).padStart(8, "0")}`,
        internalName: `Till ${number}`,
      };
    },
  );
  return [...DEMO_KKMS, ...extra].slice(0, count);
}

export interface DemoKkm {
  kkmId: number;
  token: number;
  kgdNumber: string;
  serialNumber: string;
  internalName: string;
}

export interface DemoData {
  organisation: { id: string; iinBin: string; title: string };
  /** The owner's portal sign-in. */
  signIn: DemoSignIn;
  kkms: DemoKkm[];
}

/**
 * Creates the demo rows that are missing and returns the first `count`
 * demo KKMs (at least the two named tills).
 */
export async function seedDemo(
  db: DrizzleD1Database,
  env: Env,
  now: Date,
  count = DEMO_KKMS.length,
): Promise<DemoData> {
  const organisation = await ensureOrganisation(db);
  const signIn = await ensureDemoAccount(db, organisation, now);
  const pointOfSaleId = await ensurePointOfSale(db, organisation.id);

  const result: DemoKkm[] = [];
  for (const demo of demoKkms(Math.max(count, DEMO_KKMS.length))) {
    const [existing] = await db
      .select({ id: kkms.id })
      .from(kkms)
      .where(eq(kkms.kgdNumber, demo.kgdNumber));

    let kkmId: number;
    if (existing) {
      kkmId = existing.id;
      // Local state may have been wiped while D1 kept the row.
      const stub = kkmSession(env, kkmId);
      if ((await stub.currentToken()) === null) {
        await pushRegistration(db, env, kkmId, 1);
      }
    } else {
      const issued = await registerKkm(db, env, {
        organisationId: organisation.id,
        pointOfSaleId,
        model: "Demo POS 2.0.3",
        timeZone: "Asia/Almaty",
        ...demo,
      });
      kkmId = issued.kkmId;
    }
    const token = await kkmSession(env, kkmId).currentToken();
    result.push({ kkmId, token: token ?? 0, ...demo });
  }

  return {
    organisation: {
      id: organisation.id,
      iinBin: organisation.iinBin,
      title: organisation.title,
    },
    signIn,
    kkms: result,
  };
}

/**
 * Finds or inserts the registry row. Its fields match DEMO_REQUISITES, so
 * storing the requisites later changes none of them.
 */
async function ensureOrganisation(db: DrizzleD1Database) {
  const [found] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.iinBin, DEMO_BIN));
  if (found) return found;

  const [created] = await db
    .insert(organisations)
    .values({
      id: newId("org"),
      iinBin: DEMO_BIN,
      title: DEMO_REQUISITES.fullName,
      legalAddress: DEMO_REQUISITES.legalAddress,
      legalAddressKz: "Астана қ., Кенесары к-сі 40",
      okved: DEMO_REQUISITES.okedCode,
      taxationRegime: DEMO_REQUISITES.taxationRegime,
    })
    .returning();
  if (!created) throw new Error("demo organisation insert returned no row");
  return created;
}

async function ensurePointOfSale(
  db: DrizzleD1Database,
  organisationId: string,
): Promise<string> {
  const title = "Shop 1";
  const [found] = await db
    .select({ id: pointsOfSale.id })
    .from(pointsOfSale)
    .where(
      and(
        eq(pointsOfSale.organisationId, organisationId),
        eq(pointsOfSale.title, title),
      ),
    );
  if (found) return found.id;

  const id = newId("pos");
  await db.insert(pointsOfSale).values({
    id,
    organisationId,
    title,
    city: "Astana",
    address: "Vasyutina 41",
  });
  return id;
}
