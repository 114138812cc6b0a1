import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import { submitSignedApplication } from "../../../worker/domain/accounts/offer";
import {
  buildPki,
  certificateDer,
  generateKeys,
  issueCertificate,
  signCms,
  type TestPki,
} from "../pki-fixtures";
import { call, registeredTaxpayer } from "./client";

const SERIAL_NUMBER_OID = "2.5.4.5";
const COMMON_NAME_OID = "2.5.4.3";

let pki: TestPki;

beforeAll(async () => {
  pki = await buildPki(await generateKeys());
});

/** Signs `text` with a fresh certificate for `iin` under the intermediate CA. */
async function signAs(iin: string, text: string): Promise<Uint8Array> {
  const now = Date.now();
  const leaf = await issueCertificate({
    subject: [
      [COMMON_NAME_OID, "Test Signer"],
      [SERIAL_NUMBER_OID, `IIN${iin}`],
    ],
    issuer: pki.intermediate,
    issuerKey: pki.keys.intermediate.privateKey,
    publicKey: pki.keys.leaf.publicKey,
    serial: 77,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 86_400_000),
    ca: false,
  });
  return signCms({
    text,
    signer: leaf,
    key: pki.keys.leaf.privateKey,
    chain: [pki.intermediate],
    attached: true,
    signingTime: new Date(now),
  });
}

describe("offer accepted by signature", () => {
  it("accepts the signed application text", async () => {
    const taxpayer = await registeredTaxpayer();
    const offer = await call("GET", "/api/registration/offer", {
      session: taxpayer,
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(200);
    const cms = await signAs(
      taxpayer.iinBin,
      offer.body.applicationText as string,
    );

    const state = await submitSignedApplication(
      drizzle(env.DB),
      taxpayer.userId,
      taxpayer.organisationId,
      cms,
      [certificateDer(pki.root)],
      new Date(),
    );
    const me = await call("GET", "/api/auth/me", { session: taxpayer });

    expect(state.status).toBe("accepted");
    expect(me.body.registration.offer.status).toBe("accepted");
    expect(me.body.registration.offer.method).toBe("signature");
  });

  it("rejects a signature of another text", async () => {
    const taxpayer = await registeredTaxpayer();
    const cms = await signAs(taxpayer.iinBin, "I accept nothing.");

    const attempt = submitSignedApplication(
      drizzle(env.DB),
      taxpayer.userId,
      taxpayer.organisationId,
      cms,
      [certificateDer(pki.root)],
      new Date(),
    );

    await expect(attempt).rejects.toThrow(/^cms: /);
    const me = await call("GET", "/api/auth/me", { session: taxpayer });
    expect(me.body.registration.offer.status).toBe("none");
  });
});
