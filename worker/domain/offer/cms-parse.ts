import * as asn1js from "asn1js";
import { Certificate, ContentInfo, SignedData, type SignerInfo } from "pkijs";

const SIGNED_DATA_OID = "1.2.840.113549.1.7.2";
const DATA_OID = "1.2.840.113549.1.7.1";
const SIGNING_TIME_OID = "1.2.840.113549.1.9.5";

/** A CMS SignedData with exactly one signer, ready to verify. */
export interface ParsedSignedData {
  signedData: SignedData;
  signerInfo: SignerInfo;
  certificates: Certificate[];
  /** Encapsulated content when attached, or null when detached. */
  content: Uint8Array | null;
}

/** Parsed CMS, or a message saying why the bytes are not a usable CMS. */
export type ParseResult =
  { ok: true; value: ParsedSignedData } | { ok: false; message: string };

/**
 * Parses DER/BER bytes as ContentInfo → SignedData with one signer and
 * content type id-data, the shape NCALayer's createCAdESFromBase64 makes.
 */
export function parseSignedData(cms: Uint8Array): ParseResult {
  let signedData: SignedData;
  try {
    const contentInfo = ContentInfo.fromBER(cms);
    if (contentInfo.contentType !== SIGNED_DATA_OID) {
      return fail(
        `the CMS content type is ${contentInfo.contentType}, not ` +
          `SignedData (${SIGNED_DATA_OID})`,
      );
    }
    signedData = new SignedData({ schema: contentInfo.content });
  } catch (error) {
    return fail(
      `the signature is not a valid CMS structure (${describe(error)})`,
    );
  }

  const contentType = signedData.encapContentInfo.eContentType;
  if (contentType !== DATA_OID) {
    return fail(
      `the signed content type is ${contentType}, not data (${DATA_OID})`,
    );
  }

  const [signerInfo, ...otherSigners] = signedData.signerInfos;
  if (!signerInfo || otherSigners.length > 0) {
    return fail(
      `the CMS contains ${signedData.signerInfos.length} signatures, ` +
        "but exactly one is expected",
    );
  }

  const certificates = (signedData.certificates ?? []).filter(
    (item): item is Certificate => item instanceof Certificate,
  );
  const eContent: unknown = signedData.encapContentInfo.eContent;
  if (eContent !== undefined && !(eContent instanceof asn1js.OctetString)) {
    return fail("the encapsulated content is not an OCTET STRING");
  }
  const content = eContent ? new Uint8Array(eContent.getValue()) : null;

  return {
    ok: true,
    value: { signedData, signerInfo, certificates, content },
  };
}

/**
 * Reads the signingTime signed attribute. Returns null when it is absent
 * and throws when it is present but not a UTCTime or GeneralizedTime.
 */
export function readSigningTime(signerInfo: SignerInfo): Date | null {
  const attribute = signerInfo.signedAttrs?.attributes.find(
    (item) => item.type === SIGNING_TIME_OID,
  );
  if (!attribute) return null;

  const value: unknown = attribute.values[0];
  if (
    value instanceof asn1js.UTCTime ||
    value instanceof asn1js.GeneralizedTime
  ) {
    return value.toDate();
  }
  throw new Error(
    "the signingTime attribute is not a UTCTime or GeneralizedTime",
  );
}

function fail(reason: string): ParseResult {
  return {
    ok: false,
    message:
      `${reason}; sign the application again with NCALayer and send the ` +
      "base64 CMS it returns",
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
