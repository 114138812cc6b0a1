import { Certificate, SignedDataVerifyError } from "pkijs";
import {
  describeAlgorithm,
  digestName,
  signerSignatureName,
} from "./algorithms";
import { buildChain, checkValidity } from "./cert-chain";
import {
  formatName,
  formatSerialNumber,
  readSubjectIdentity,
} from "./cert-names";
import {
  type ParsedSignedData,
  parseSignedData,
  readSigningTime,
} from "./cms-parse";
import { getPkijsEngine } from "./pkijs-engine";

export { pemToDer } from "./pem";

/** Inputs of one offer-signature check. */
export interface VerifyOfferSignatureOptions {
  /** CMS SignedData (ContentInfo) as DER or BER bytes. */
  cms: Uint8Array;
  /** Application text that must be exactly what was signed, as UTF-8. */
  expectedText: string;
  /** 12-digit IIN or BIN of the organisation accepting the offer. */
  expectedIinBin: string;
  /** Trusted root CA certificates, DER. */
  trustedRoots: Uint8Array[];
  now: Date;
}

/** Check that rejected the signature. */
export type OfferSignatureFailureReason =
  "format" | "signature" | "chain" | "validity" | "iin_bin";

/** Signer of an accepted offer. */
export interface OfferSigner {
  /** Subject DN, e.g. `CN=…, SERIALNUMBER=IIN…, C=KZ`. */
  subject: string;
  /** The IIN or BIN that matched `expectedIinBin`. */
  iinBin: string;
  /** Certificate serial number, lowercase hex. */
  serialNumber: string;
}

/** Outcome of `verifyOfferSignature`. */
export type OfferSignatureResult =
  | { ok: true; signer: OfferSigner; signedAt: Date }
  | { ok: false; reason: OfferSignatureFailureReason; message: string };

/**
 * Verifies a CMS signature of the offer application: format, signer
 * signature over exactly `expectedText`, chain to a trusted root, validity
 * at the signing time, and the signer's IIN/BIN.
 *
 * Throws only when a trusted root is not a DER certificate, because that
 * is a server configuration error.
 *
 * NOTE: Kazakh NCA also issues GOST 34.310 certificates, which pkijs and
 * WebCrypto cannot verify. Such signatures get reason "signature" with a
 * message asking for an RSA certificate.
 */
export async function verifyOfferSignature(
  options: VerifyOfferSignatureOptions,
): Promise<OfferSignatureResult> {
  const parsed = parseSignedData(options.cms);
  if (!parsed.ok) return failure("format", parsed.message);
  const cms = parsed.value;

  const algorithmError = checkSignerAlgorithms(cms);
  if (algorithmError) return failure("signature", algorithmError);

  const expected = new TextEncoder().encode(options.expectedText);
  if (cms.content && !sameBytes(cms.content, expected)) {
    return failure(
      "signature",
      "the signed text differs from the current application text; reload " +
        "the page and sign the application again",
    );
  }

  let signedAt: Date;
  try {
    signedAt = readSigningTime(cms.signerInfo) ?? options.now;
  } catch (error) {
    return failure("format", `${describe(error)}; sign the application again`);
  }

  const checked = await verifySignerSignature(cms, expected, signedAt);
  if (!checked.ok) return checked;
  const signer = checked.signer;

  const roots = options.trustedRoots.map((der) => Certificate.fromBER(der));
  const chain = await buildChain(
    signer,
    cms.certificates,
    roots,
    getPkijsEngine(),
  );
  if (!chain.ok) return failure("chain", chain.message);

  // NOTE: signingTime is stated by the signer, not by a timestamp
  // authority, and no CRL or OCSP check is made, so a revoked certificate
  // or a backdated signature is not detected here.
  const validityError = checkValidity(chain.path, signedAt);
  if (validityError) return failure("validity", validityError);

  return matchIdentity(signer, options.expectedIinBin, signedAt);
}

function checkSignerAlgorithms(cms: ParsedSignedData): string | null {
  const digestOid = cms.signerInfo.digestAlgorithm.algorithmId;
  const signatureOid = cms.signerInfo.signatureAlgorithm.algorithmId;
  let unsupported: string | null = null;
  if (!digestName(digestOid)) unsupported = digestOid;
  else if (!signerSignatureName(signatureOid)) unsupported = signatureOid;
  if (!unsupported) return null;

  return (
    `the signature uses ${describeAlgorithm(unsupported)}, which is not ` +
    "supported: this server verifies RSA and ECDSA signatures with " +
    "SHA-256/384/512; sign with an RSA certificate"
  );
}

type SignerCheck =
  | { ok: true; signer: Certificate }
  | { ok: false; reason: OfferSignatureFailureReason; message: string };

/**
 * Checks the message digest and the signer's signature with pkijs. Detached
 * content is verified over `expected`; attached content was compared with
 * it before.
 */
async function verifySignerSignature(
  cms: ParsedSignedData,
  expected: Uint8Array,
  signedAt: Date,
): Promise<SignerCheck> {
  try {
    const result = await cms.signedData.verify(
      {
        signer: 0,
        data: expected.slice().buffer,
        checkChain: false,
        checkDate: signedAt,
        extendedMode: true,
      },
      getPkijsEngine(),
    );
    if (result.signatureVerified && result.signerCertificate) {
      return { ok: true, signer: result.signerCertificate };
    }
    return failure("signature", signatureMismatchMessage());
  } catch (error) {
    return mapVerifyError(error);
  }
}

/** Maps pkijs SignedDataVerifyError codes (pkijs 4.0.0) to reasons. */
function mapVerifyError(error: unknown): SignerCheck {
  if (!(error instanceof SignedDataVerifyError)) {
    return failure("signature", `signature check failed: ${describe(error)}`);
  }

  switch (error.code) {
    case 2:
    case 3:
      return failure(
        "format",
        "the CMS does not contain the signer's certificate; sign again " +
          "with NCALayer, which includes it",
      );
    case 9:
    case 10:
      return failure(
        "format",
        `${error.message}; sign the application again with NCALayer`,
      );
    case 15:
      if (error.message.includes("Message digest")) {
        return failure("signature", signatureMismatchMessage());
      }
      return failure("signature", `signature check failed: ${error.message}`);
    default:
      return failure("signature", `signature check failed: ${error.message}`);
  }
}

function signatureMismatchMessage(): string {
  return (
    "the signature does not match the application text; reload the page " +
    "and sign the current application text again"
  );
}

function matchIdentity(
  signer: Certificate,
  expectedIinBin: string,
  signedAt: Date,
): OfferSignatureResult {
  const identity = readSubjectIdentity(signer);
  const subject = formatName(signer.subject);

  if (identity.iin === expectedIinBin || identity.bin === expectedIinBin) {
    return {
      ok: true,
      signer: {
        subject,
        iinBin: expectedIinBin,
        serialNumber: formatSerialNumber(signer),
      },
      signedAt,
    };
  }

  const found = [
    identity.iin ? `IIN ${identity.iin}` : null,
    identity.bin ? `BIN ${identity.bin}` : null,
  ].filter((item) => item !== null);
  const owner =
    found.length > 0 ? found.join(" and ") : "no IIN or BIN in its subject";
  return failure(
    "iin_bin",
    `the signing certificate "${subject}" has ${owner}, but the ` +
      `application is for IIN/BIN ${expectedIinBin}; sign with a ` +
      "certificate issued to that IIN/BIN",
  );
}

function failure(
  reason: OfferSignatureFailureReason,
  message: string,
): { ok: false; reason: OfferSignatureFailureReason; message: string } {
  return { ok: false, reason, message };
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  return left.every((byte, index) => byte === right[index]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
