import { beforeAll, describe, expect, it } from "vitest";
import {
  type VerifyOfferSignatureOptions,
  pemToDer,
  verifyOfferSignature,
} from "../../worker/domain/offer/verify-cms";
import {
  type TestPki,
  buildPki,
  certificateDer,
  generateKeys,
  issueCertificate,
  signCms,
  toPem,
} from "./pki-fixtures";

const TEXT =
  "Заявление о присоединении к договору публичной оферты ОФД.\n" +
  "ИИН/БИН: 960624350642. Организация: ИП Тестов.";
const IIN = "960624350642";
const BIN = "250140000013";
const NOW = new Date("2026-03-01T09:00:00Z");
const SIGNED_AT = new Date("2026-03-01T08:59:00Z");

let pki: TestPki;

beforeAll(async () => {
  pki = await buildPki(await generateKeys());
}, 60_000);

function options(
  cms: Uint8Array,
  overrides: Partial<VerifyOfferSignatureOptions> = {},
): VerifyOfferSignatureOptions {
  return {
    cms,
    expectedText: TEXT,
    expectedIinBin: IIN,
    trustedRoots: [certificateDer(pki.root)],
    now: NOW,
    ...overrides,
  };
}

function signAsPerson(attached: boolean, text = TEXT): Promise<Uint8Array> {
  return signCms({
    text,
    signer: pki.iinLeaf,
    key: pki.keys.leaf.privateKey,
    chain: [pki.intermediate],
    attached,
    signingTime: SIGNED_AT,
  });
}

describe("verifyOfferSignature accepts", () => {
  it("valid attached signature", async () => {
    const result = await verifyOfferSignature(
      options(await signAsPerson(true)),
    );

    expect(result).toEqual({
      ok: true,
      signer: {
        subject: "CN=ТЕСТОВ ТЕСТ, SERIALNUMBER=IIN960624350642, C=KZ",
        iinBin: IIN,
        serialNumber: "0a",
      },
      signedAt: SIGNED_AT,
    });
  });

  it("valid detached signature", async () => {
    const result = await verifyOfferSignature(
      options(await signAsPerson(false)),
    );

    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.signer.iinBin).toBe(IIN);
    expect(result.signedAt).toEqual(SIGNED_AT);
  });

  it("BIN in OU attribute", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.binLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.intermediate],
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(
      options(cms, { expectedIinBin: BIN }),
    );

    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.signer.iinBin).toBe(BIN);
    expect(result.signer.subject).toBe(
      'CN=ТЕСТОВ ТЕСТ, SERIALNUMBER=IIN960624350642, O=ТОО \\"Тест\\", ' +
        "OU=BIN250140000013, C=KZ",
    );
  });

  it("missing signingTime uses now", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.iinLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.intermediate],
      attached: true,
      signingTime: null,
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.signedAt).toEqual(NOW);
  });

  it("ECDSA P-256 signer certificate", async () => {
    const key = (await crypto.subtle.generateKey(
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["sign", "verify"],
    )) as CryptoKeyPair;
    const signer = await issueCertificate({
      subject: [["2.5.4.5", "IIN960624350642"]],
      issuer: pki.intermediate,
      issuerKey: pki.keys.intermediate.privateKey,
      publicKey: key.publicKey,
      serial: 20,
      notBefore: new Date("2025-01-01T00:00:00Z"),
      notAfter: new Date("2027-01-01T00:00:00Z"),
      ca: false,
    });
    const cms = await signCms({
      text: TEXT,
      signer,
      key: key.privateKey,
      chain: [pki.intermediate],
      attached: false,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("intermediate given as trusted root", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.iinLeaf,
      key: pki.keys.leaf.privateKey,
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(
      options(cms, { trustedRoots: [certificateDer(pki.intermediate)] }),
    );

    expect(result.ok, JSON.stringify(result)).toBe(true);
  });
});

describe("verifyOfferSignature rejects", () => {
  it("attached text changed by one character", async () => {
    const cms = await signAsPerson(true);

    const result = await verifyOfferSignature(
      options(cms, { expectedText: TEXT.replace("оферты", "оферта") }),
    );

    expect(result).toEqual({
      ok: false,
      reason: "signature",
      message:
        "the signed text differs from the current application text; " +
        "reload the page and sign the application again",
    });
  });

  it("detached text changed by one character", async () => {
    const cms = await signAsPerson(false);

    const result = await verifyOfferSignature(
      options(cms, { expectedText: `${TEXT}.` }),
    );

    expect(result).toEqual({
      ok: false,
      reason: "signature",
      message:
        "the signature does not match the application text; reload the " +
        "page and sign the current application text again",
    });
  });

  it("corrupted signature value", async () => {
    const cms = await signAsPerson(true);
    // The RSA signature value is the last 256 bytes of this DER encoding.
    cms[cms.length - 10]! ^= 0x01;

    const result = await verifyOfferSignature(options(cms));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("signature");
    expect(result.message).toContain("does not match the application text");
  });

  it("signer from untrusted root", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.untrustedLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.otherRoot],
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result).toEqual({
      ok: false,
      reason: "chain",
      message:
        'certificate "CN=Unknown Root CA" was issued by "CN=Unknown Root ' +
        'CA", which is not a trusted root and whose certificate is not in ' +
        "the signature; sign with a certificate issued by the national CA " +
        "of Kazakhstan",
    });
  });

  it("missing intermediate certificate", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.iinLeaf,
      key: pki.keys.leaf.privateKey,
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("chain");
    expect(result.message).toContain(
      'was issued by "CN=Test Issuing CA (RSA), C=KZ"',
    );
  });

  it("issuer without CA flag", async () => {
    const signer = await issueCertificate({
      subject: [["2.5.4.5", "IIN960624350642"]],
      issuer: pki.iinLeaf,
      issuerKey: pki.keys.leaf.privateKey,
      publicKey: pki.keys.leaf.publicKey,
      serial: 21,
      notBefore: new Date("2025-01-01T00:00:00Z"),
      notAfter: new Date("2027-01-01T00:00:00Z"),
      ca: false,
    });
    const cms = await signCms({
      text: TEXT,
      signer,
      key: pki.keys.leaf.privateKey,
      chain: [pki.iinLeaf, pki.intermediate],
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result).toEqual({
      ok: false,
      reason: "chain",
      message:
        'certificate "CN=ТЕСТОВ ТЕСТ, SERIALNUMBER=IIN960624350642, C=KZ" ' +
        "in the signature is not a CA certificate, so it cannot issue the " +
        "signer's certificate; sign with a certificate issued by the " +
        "national CA",
    });
  });

  it("leaf expired at signing time", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.expiredLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.intermediate],
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result).toEqual({
      ok: false,
      reason: "validity",
      message:
        'certificate "CN=ТЕСТОВ ТЕСТ, SERIALNUMBER=IIN960624350642, C=KZ" ' +
        "had expired at the signing time 2026-03-01T08:59:00.000Z (valid " +
        "from 2020-01-01T00:00:00.000Z to 2020-12-31T23:59:59.000Z); sign " +
        "again with a currently valid certificate",
    });
  });

  it("signing time before validity", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.iinLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.intermediate],
      attached: true,
      signingTime: new Date("2024-06-01T00:00:00Z"),
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("validity");
    expect(result.message).toContain("was not yet valid at the signing time");
  });

  it("IIN of another person", async () => {
    const cms = await signAsPerson(true);

    const result = await verifyOfferSignature(
      options(cms, { expectedIinBin: "880101300123" }),
    );

    expect(result).toEqual({
      ok: false,
      reason: "iin_bin",
      message:
        'the signing certificate "CN=ТЕСТОВ ТЕСТ, ' +
        'SERIALNUMBER=IIN960624350642, C=KZ" has IIN 960624350642, but ' +
        "the application is for IIN/BIN 880101300123; sign with a " +
        "certificate issued to that IIN/BIN",
    });
  });

  it("BIN of another organisation", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.binLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.intermediate],
      attached: true,
      signingTime: SIGNED_AT,
    });

    const result = await verifyOfferSignature(
      options(cms, { expectedIinBin: "250140000024" }),
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("iin_bin");
    expect(result.message).toContain(
      "has IIN 960624350642 and BIN 250140000013",
    );
  });

  it("garbage bytes", async () => {
    const garbage = new TextEncoder().encode("not a signature at all");

    const result = await verifyOfferSignature(options(garbage));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("format");
    expect(result.message).toMatch(/^the signature is not a valid CMS/);
    expect(result.message).toContain("sign the application again");
  });

  it("empty bytes", async () => {
    const result = await verifyOfferSignature(options(new Uint8Array()));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("format");
  });

  it("GOST signature algorithm", async () => {
    const cms = await signCms({
      text: TEXT,
      signer: pki.iinLeaf,
      key: pki.keys.leaf.privateKey,
      chain: [pki.intermediate],
      attached: true,
      signingTime: SIGNED_AT,
      signatureAlgorithmOid: "1.2.398.3.10.1.1.1.2",
    });

    const result = await verifyOfferSignature(options(cms));

    expect(result).toEqual({
      ok: false,
      reason: "signature",
      message:
        "the signature uses Kazakh GOST algorithm 1.2.398.3.10.1.1.1.2, " +
        "which is not supported: this server verifies RSA and ECDSA " +
        "signatures with SHA-256/384/512; sign with an RSA certificate",
    });
  });
});

describe("pemToDer", () => {
  it("decodes a two-certificate bundle", () => {
    const ders = [certificateDer(pki.root), certificateDer(pki.intermediate)];

    const parsed = pemToDer(`# roots\n${toPem(ders)}\n`);

    expect(parsed).toEqual(ders);
  });

  it("rejects text without certificates", () => {
    expect(() => pemToDer("hello")).toThrow(
      "PEM text contains no -----BEGIN CERTIFICATE----- block",
    );
  });

  it("rejects a block of invalid base64", () => {
    const pem = "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----";

    expect(() => pemToDer(pem)).toThrow(
      "PEM certificate block 1 is not valid base64",
    );
  });
});
