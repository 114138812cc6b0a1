// Test PKI made at run time with WebCrypto and pkijs: RSA-SHA256 root and
// intermediate CAs, Kazakh-style leaf certificates and CMS SignedData like
// NCALayer's createCAdESFromBase64 output.
import * as asn1js from "asn1js";
import {
  AlgorithmIdentifier,
  Attribute,
  AttributeTypeAndValue,
  BasicConstraints,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  Extension,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from "pkijs";
import { getPkijsEngine } from "../../worker/domain/offer/pkijs-engine";

const RSA_KEY: SubtleCryptoGenerateKeyAlgorithm = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};

const DATA_OID = "1.2.840.113549.1.7.1";

/** Key pairs shared by every certificate of one test file. */
export interface TestKeys {
  root: CryptoKeyPair;
  intermediate: CryptoKeyPair;
  leaf: CryptoKeyPair;
  otherRoot: CryptoKeyPair;
}

/** Certificates of the test PKI, each re-parsed from its DER encoding. */
export interface TestPki {
  keys: TestKeys;
  root: Certificate;
  intermediate: Certificate;
  /** Subject `serialNumber=IIN960624350642`. */
  iinLeaf: Certificate;
  /** Subject `OU=BIN250140000013` next to the director's IIN. */
  binLeaf: Certificate;
  /** Same IIN, valid only in 2020. */
  expiredLeaf: Certificate;
  /** Root that is not among the trusted roots. */
  otherRoot: Certificate;
  /** Leaf issued by `otherRoot`. */
  untrustedLeaf: Certificate;
}

/** One name attribute: OID and text. */
export type NameAttribute = [type: string, value: string];

/** Options of `issueCertificate`. */
export interface IssueOptions {
  subject: NameAttribute[];
  /** Issuer certificate, or null for a self-signed one. */
  issuer: Certificate | null;
  issuerKey: CryptoKey;
  publicKey: CryptoKey;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
}

/** Options of `signCms`. */
export interface SignCmsOptions {
  text: string;
  signer: Certificate;
  key: CryptoKey;
  /** Extra certificates to include, e.g. the intermediate CA. */
  chain?: Certificate[];
  attached: boolean;
  /** signingTime attribute, or null to leave the attribute out. */
  signingTime: Date | null;
  /** Replaces the signer-info signature algorithm OID after signing. */
  signatureAlgorithmOid?: string;
}

/** Generates the four RSA 2048 key pairs once per test file. */
export async function generateKeys(): Promise<TestKeys> {
  const [root, intermediate, leaf, otherRoot] = await Promise.all(
    [0, 1, 2, 3].map(() => generateRsaKey()),
  );
  return {
    root: root!,
    intermediate: intermediate!,
    leaf: leaf!,
    otherRoot: otherRoot!,
  };
}

/** Issues the test PKI's certificates, valid 2025-01-01 to 2027-12-31. */
export async function buildPki(keys: TestKeys): Promise<TestPki> {
  const notBefore = new Date("2025-01-01T00:00:00Z");
  const notAfter = new Date("2027-12-31T23:59:59Z");

  const root = await issueCertificate({
    subject: [
      ["2.5.4.3", "Test National CA (RSA)"],
      ["2.5.4.6", "KZ"],
    ],
    issuer: null,
    issuerKey: keys.root.privateKey,
    publicKey: keys.root.publicKey,
    serial: 1,
    notBefore,
    notAfter,
    ca: true,
  });
  const intermediate = await issueCertificate({
    subject: [
      ["2.5.4.3", "Test Issuing CA (RSA)"],
      ["2.5.4.6", "KZ"],
    ],
    issuer: root,
    issuerKey: keys.root.privateKey,
    publicKey: keys.intermediate.publicKey,
    serial: 2,
    notBefore,
    notAfter,
    ca: true,
  });

  const leaf = (
    subject: NameAttribute[],
    serial: number,
    from = notBefore,
    to = notAfter,
  ) =>
    issueCertificate({
      subject,
      issuer: intermediate,
      issuerKey: keys.intermediate.privateKey,
      publicKey: keys.leaf.publicKey,
      serial,
      notBefore: from,
      notAfter: to,
      ca: false,
    });

  const person: NameAttribute[] = [
    ["2.5.4.3", "ТЕСТОВ ТЕСТ"],
    ["2.5.4.5", "IIN960624350642"],
    ["2.5.4.6", "KZ"],
  ];
  const iinLeaf = await leaf(person, 10);
  const binLeaf = await leaf(
    [
      ["2.5.4.3", "ТЕСТОВ ТЕСТ"],
      ["2.5.4.5", "IIN960624350642"],
      ["2.5.4.10", 'ТОО "Тест"'],
      ["2.5.4.11", "BIN250140000013"],
      ["2.5.4.6", "KZ"],
    ],
    11,
  );
  const expiredLeaf = await leaf(
    person,
    12,
    new Date("2020-01-01T00:00:00Z"),
    new Date("2020-12-31T23:59:59Z"),
  );

  const otherRoot = await issueCertificate({
    subject: [["2.5.4.3", "Unknown Root CA"]],
    issuer: null,
    issuerKey: keys.otherRoot.privateKey,
    publicKey: keys.otherRoot.publicKey,
    serial: 3,
    notBefore,
    notAfter,
    ca: true,
  });
  const untrustedLeaf = await issueCertificate({
    subject: person,
    issuer: otherRoot,
    issuerKey: keys.otherRoot.privateKey,
    publicKey: keys.leaf.publicKey,
    serial: 13,
    notBefore,
    notAfter,
    ca: false,
  });

  return {
    keys,
    root,
    intermediate,
    iinLeaf,
    binLeaf,
    expiredLeaf,
    otherRoot,
    untrustedLeaf,
  };
}

/** Issues one X.509 v3 certificate signed with SHA-256. */
export async function issueCertificate(
  options: IssueOptions,
): Promise<Certificate> {
  const engine = getPkijsEngine();
  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: options.serial });

  for (const [type, value] of options.subject) {
    certificate.subject.typesAndValues.push(nameAttribute(type, value));
  }
  const issuerName = options.issuer?.subject ?? certificate.subject;
  certificate.issuer.typesAndValues.push(...issuerName.typesAndValues);

  certificate.notBefore.value = options.notBefore;
  certificate.notAfter.value = options.notAfter;
  certificate.extensions = [basicConstraints(options.ca), keyUsage(options.ca)];

  await certificate.subjectPublicKeyInfo.importKey(options.publicKey, engine);
  await certificate.sign(options.issuerKey, "SHA-256", engine);
  return Certificate.fromBER(certificate.toSchema().toBER());
}

/** Builds CMS SignedData in a ContentInfo, DER, over `text` as UTF-8. */
export async function signCms(options: SignCmsOptions): Promise<Uint8Array> {
  const data = new TextEncoder().encode(options.text);
  const digest = await crypto.subtle.digest("SHA-256", data);

  const attributes = [
    new Attribute({
      type: "1.2.840.113549.1.9.3",
      values: [new asn1js.ObjectIdentifier({ value: DATA_OID })],
    }),
    new Attribute({
      type: "1.2.840.113549.1.9.4",
      values: [new asn1js.OctetString({ valueHex: digest })],
    }),
  ];
  if (options.signingTime) {
    attributes.push(
      new Attribute({
        type: "1.2.840.113549.1.9.5",
        values: [new asn1js.UTCTime({ valueDate: options.signingTime })],
      }),
    );
  }

  const content = options.attached
    ? { eContent: new asn1js.OctetString({ valueHex: data }) }
    : {};
  const signedData = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: DATA_OID,
      ...content,
    }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({
          issuer: options.signer.issuer,
          serialNumber: options.signer.serialNumber,
        }),
        signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [options.signer, ...(options.chain ?? [])],
  });
  await signedData.sign(options.key, 0, "SHA-256", data, getPkijsEngine());

  if (options.signatureAlgorithmOid) {
    signedData.signerInfos[0]!.signatureAlgorithm = new AlgorithmIdentifier({
      algorithmId: options.signatureAlgorithmOid,
    });
  }

  const contentInfo = new ContentInfo({
    contentType: ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/** Returns the DER bytes of a certificate. */
export function certificateDer(certificate: Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER());
}

/** Wraps DER certificates in a PEM bundle. */
export function toPem(certificates: Uint8Array[]): string {
  return certificates
    .map((der) => {
      const base64 = btoa(String.fromCharCode(...der));
      const lines = base64.match(/.{1,64}/g) ?? [];
      return [
        "-----BEGIN CERTIFICATE-----",
        ...lines,
        "-----END CERTIFICATE-----",
      ].join("\n");
    })
    .join("\n");
}

async function generateRsaKey(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(RSA_KEY, false, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
}

function nameAttribute(type: string, value: string): AttributeTypeAndValue {
  // Kazakh NCA certificates use PrintableString for serialNumber and C.
  const printable = type === "2.5.4.5" || type === "2.5.4.6";
  return new AttributeTypeAndValue({
    type,
    value: printable
      ? new asn1js.PrintableString({ value })
      : new asn1js.Utf8String({ value }),
  });
}

function basicConstraints(ca: boolean): Extension {
  const value = new BasicConstraints({ cA: ca });
  return new Extension({
    extnID: "2.5.29.19",
    critical: true,
    extnValue: value.toSchema().toBER(false),
    parsedValue: value,
  });
}

function keyUsage(ca: boolean): Extension {
  // keyCertSign + cRLSign for CAs, digitalSignature + nonRepudiation for
  // signers. The BIT STRING also states how many trailing bits are unused.
  const bits = ca
    ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]), unusedBits: 1 })
    : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 });
  return new Extension({
    extnID: "2.5.29.15",
    critical: true,
    extnValue: bits.toBER(false),
    parsedValue: bits,
  });
}
