// Helpers of the KKM management suites: an organisation whose offer is
// accepted, users with chosen rights, and a valid activation form.
import { env, runDurableObjectAlarm } from "cloudflare:test";
import { count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { Right } from "../../../worker/auth/rights";
import { kkms, pointsOfSale } from "../../../worker/db/schema";
import {
  groupRights,
  groups,
  offerApplications,
  userGroups,
  users,
} from "../../../worker/db/schema-accounts";
import { kkmProfiles } from "../../../worker/db/schema-kkm-admin";
import { kkmSession } from "../../../worker/domain/kkm-session-stub";
import { hashPassword } from "../../../worker/domain/password";
import {
  call,
  freshIin,
  PASSWORD,
  registeredTaxpayer,
  sessionOf,
  type Session,
} from "../portal/client";

/** A signed-in owner of an organisation with every right. */
export type Owner = Session & { organisationId: string };

/** Registers an organisation, accepts its offer and signs its owner in. */
export async function ownerWithOffer(): Promise<Owner> {
  const owner = await registeredTaxpayer();
  await drizzle(env.DB)
    .insert(offerApplications)
    .values({
      id: `app_${crypto.randomUUID()}`,
      organisationId: owner.organisationId,
      method: "signature",
      status: "accepted",
      submittedBy: owner.userId,
      createdAt: new Date().toISOString(),
    });
  return owner;
}

/** Adds a user with exactly `rights` to the organisation and signs in. */
export async function memberWith(
  organisationId: string,
  rights: Right[],
): Promise<Session> {
  const db = drizzle(env.DB);
  const iinBin = freshIin();
  const userId = `user_${crypto.randomUUID()}`;
  const groupId = `grp_${crypto.randomUUID()}`;
  await db.insert(users).values({
    id: userId,
    kind: "taxpayer",
    organisationId,
    iinBin,
    email: `${iinBin}@example.kz`,
    emailConfirmed: true,
    passwordHash: await hashPassword(PASSWORD),
  });
  await db
    .insert(groups)
    .values({ id: groupId, organisationId, name: groupId });
  for (const right of rights) {
    await db.insert(groupRights).values({ groupId, right });
  }
  await db.insert(userGroups).values({ userId, groupId });

  const login = await call("POST", "/api/auth/login", {
    body: { iinBin, password: PASSWORD },
  });
  return sessionOf(login);
}

let kgdSerial = 0;

/** Returns a KGD number no other test uses. */
export function freshKgdNumber(): string {
  kgdSerial += 1;
  const random = Math.floor(Math.random() * 1_000_000);
  return `62${String(random).padStart(6, "0")}${String(kgdSerial).padStart(4, "0")}`;
}

/** Builds a valid activation form with a new point of sale. */
export function activationForm(overrides: Record<string, unknown> = {}) {
  return {
    kgdNumber: freshKgdNumber(),
    serialNumber: "SN-000123",
    modelId: "atol-30f",
    internalName: "Касса 1",
    newPointOfSale: {
      title: "Магазин на Кенесары",
      city: "Астана",
      address: "ул. Кенесары, 40",
    },
    timeZone: "Asia/Almaty",
    deviceType: "pos-system",
    connectionMethod: "wired",
    operatingSystem: "Windows 10",
    filedBy: "organisation",
    ...overrides,
  };
}

/** Activates a KKM through the API and returns the response body. */
export async function activate(
  session: Session,
  overrides: Record<string, unknown> = {},
): Promise<{
  kkm: { id: number; pointOfSaleId: string; kgdNumber: string };
  token: number;
}> {
  const result = await call("POST", "/api/kkms", {
    session,
    body: activationForm(overrides),
  });
  if (result.status !== 201) {
    throw new Error(
      `activation returned ${result.status}: ${JSON.stringify(result.body)}`,
    );
  }
  return result.body;
}

/** Row counts of the tables activation writes. */
export async function registryCounts() {
  const db = drizzle(env.DB);
  const [kkmCount] = await db.select({ n: count() }).from(kkms);
  const [pointCount] = await db.select({ n: count() }).from(pointsOfSale);
  const [profileCount] = await db.select({ n: count() }).from(kkmProfiles);
  return {
    kkms: kkmCount!.n,
    pointsOfSale: pointCount!.n,
    profiles: profileCount!.n,
  };
}

/** Writes a KKM's queued outbox rows (receipt index, reports) to D1. */
export async function flushOutbox(kkmId: number): Promise<void> {
  await runDurableObjectAlarm(kkmSession(env, kkmId));
}

/** Loads the KKM row from D1. */
export async function kkmRow(kkmId: number) {
  const [row] = await drizzle(env.DB)
    .select()
    .from(kkms)
    .where(eq(kkms.id, kkmId));
  return row;
}
