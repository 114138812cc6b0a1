// Registers KKMs in D1 and sends frames through the Worker's HTTP transport.
import { env, SELF } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { organisations, pointsOfSale } from "../../worker/db/schema";
import { registerKkm, type IssuedKkm } from "../../worker/domain/kkm-registry";

let counter = 0;

/** Registers a KKM of a fresh organisation and returns its id and token. */
export async function registeredKkm(
  options: { iinBin?: string } = {},
): Promise<IssuedKkm & { kgdNumber: string; organisationId: string }> {
  counter += 1;
  const db = drizzle(env.DB);
  const organisationId = `org_test${counter}_${crypto.randomUUID().slice(0, 8)}`;
  const pointOfSaleId = `pos_test${counter}_${crypto.randomUUID().slice(0, 8)}`;
  const kgdNumber = String(620300000000 + Math.floor(Math.random() * 99999999));

  await db.insert(organisations).values({
    id: organisationId,
    iinBin: options.iinBin ?? testBin(counter),
    title: "Test LLP",
    legalAddress: "Astana, Test 1",
    taxationRegime: "general",
  });
  await db.insert(pointsOfSale).values({
    id: pointOfSaleId,
    organisationId,
    title: "Shop",
    city: "Astana",
    address: "Test 2",
  });
  const issued = await registerKkm(db, env, {
    organisationId,
    pointOfSaleId,
    kgdNumber,
    serialNumber: `SN${counter}`,
    model: "Test POS",
    internalName: `Till ${counter}`,
    timeZone: "Asia/Almaty",
  });
  return { ...issued, kgdNumber, organisationId };
}

/** Posts a frame to the HTTP transport and returns the answer's bytes. */
export async function postFrame(frame: Uint8Array): Promise<Uint8Array> {
  const response = await SELF.fetch("https://ofd.example/kkm/frame", {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: frame,
  });
  if (response.status !== 200) {
    throw new Error(
      `POST /kkm/frame returned ${response.status}: ${await response.text()}`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** A BIN with a valid check digit, different for each `serial`. */
export function testBin(serial: number): string {
  for (let n = serial * 10; ; n++) {
    const first = `2501400${String(n % 10000).padStart(4, "0")}`;
    const digits = [...first].map(Number);
    let check = digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
    if (check === 10) {
      const weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
      check = digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
    }
    if (check !== 10) return `${first}${check}`;
  }
}
