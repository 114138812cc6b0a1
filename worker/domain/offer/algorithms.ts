/**
 * Signature and digest algorithms that pkijs can verify with WebCrypto in
 * workerd, by OID.
 */

/** SHA-2 digests. SHA-1 is left out because it is not collision-resistant. */
const DIGESTS: Record<string, string> = {
  "2.16.840.1.101.3.4.2.1": "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
};

const SIGNATURES: Record<string, string> = {
  "1.2.840.113549.1.1.11": "RSA-SHA256",
  "1.2.840.113549.1.1.12": "RSA-SHA384",
  "1.2.840.113549.1.1.13": "RSA-SHA512",
  "1.2.840.10045.4.3.2": "ECDSA-SHA256",
  "1.2.840.10045.4.3.3": "ECDSA-SHA384",
  "1.2.840.10045.4.3.4": "ECDSA-SHA512",
};

/** rsaEncryption, which CMS signer infos often give in place of the scheme. */
const RSA_ENCRYPTION_OID = "1.2.840.113549.1.1.1";

/** Name of a supported digest algorithm, or null. */
export function digestName(oid: string): string | null {
  return DIGESTS[oid] ?? null;
}

/** Name of a supported certificate signature algorithm, or null. */
export function certificateSignatureName(oid: string): string | null {
  return SIGNATURES[oid] ?? null;
}

/** Name of a supported CMS signer-info signature algorithm, or null. */
export function signerSignatureName(oid: string): string | null {
  if (oid === RSA_ENCRYPTION_OID) return "RSA";
  return SIGNATURES[oid] ?? null;
}

/**
 * Describes an algorithm OID for an error message. Arcs 1.2.398 and 1.2.643
 * are the ISO member bodies of Kazakhstan and Russia, where the GOST
 * algorithms are registered.
 */
export function describeAlgorithm(oid: string): string {
  if (oid.startsWith("1.2.398.")) return `Kazakh GOST algorithm ${oid}`;
  if (oid.startsWith("1.2.643.")) return `GOST algorithm ${oid}`;
  return `algorithm ${oid}`;
}
