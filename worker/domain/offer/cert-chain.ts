import type { BasicConstraints, Certificate, ICryptoEngine } from "pkijs";
import { certificateSignatureName, describeAlgorithm } from "./algorithms";
import { formatName } from "./cert-names";

/** Longest path accepted, root included, so the search stays bounded. */
const MAX_CHAIN_LENGTH = 6;

const BASIC_CONSTRAINTS_OID = "2.5.29.19";
const KEY_USAGE_OID = "2.5.29.15";

/** keyCertSign is bit 5 of KeyUsage, so 0x04 in the first byte. */
const KEY_CERT_SIGN_MASK = 0x04;

/** A path from the signer (first) to a trusted root (last), or why not. */
export type ChainResult =
  { ok: true; path: Certificate[] } | { ok: false; message: string };

/**
 * Builds a path from `signer` to one of `roots`, taking issuers from
 * `intermediates`. Each link needs matching names, a CA issuer and a valid
 * certificate signature. Validity dates are checked separately.
 */
export async function buildChain(
  signer: Certificate,
  intermediates: Certificate[],
  roots: Certificate[],
  engine: ICryptoEngine,
): Promise<ChainResult> {
  const path = [signer];
  let current = signer;

  while (path.length < MAX_CHAIN_LENGTH) {
    if (roots.some((root) => sameCertificate(root, current))) {
      return { ok: true, path };
    }

    const algorithmError = checkSignatureAlgorithm(current);
    if (algorithmError) return { ok: false, message: algorithmError };

    const root = await findIssuer(current, roots, engine);
    if (root) return { ok: true, path: [...path, root] };

    const candidates = intermediates.filter(
      (candidate) => !path.some((link) => sameCertificate(link, candidate)),
    );
    const issuer = await findIssuer(current, candidates, engine);
    if (!issuer) return { ok: false, message: untrustedMessage(current) };

    const caError = checkCaCertificate(issuer, path.length - 1);
    if (caError) return { ok: false, message: caError };

    path.push(issuer);
    current = issuer;
  }

  return {
    ok: false,
    message:
      `the certificate chain is longer than ${MAX_CHAIN_LENGTH} ` +
      "certificates; sign with a certificate issued by the national CA",
  };
}

/**
 * Checks that every certificate of `path` is valid at `at`, and returns a
 * message naming the first one that is not, or null.
 */
export function checkValidity(path: Certificate[], at: Date): string | null {
  for (const certificate of path) {
    const notBefore = certificate.notBefore.value;
    const notAfter = certificate.notAfter.value;
    if (at >= notBefore && at <= notAfter) continue;

    const state = at < notBefore ? "was not yet valid" : "had expired";
    return (
      `certificate "${formatName(certificate.subject)}" ${state} at the ` +
      `signing time ${at.toISOString()} (valid from ` +
      `${notBefore.toISOString()} to ${notAfter.toISOString()}); ` +
      "sign again with a currently valid certificate"
    );
  }
  return null;
}

async function findIssuer(
  certificate: Certificate,
  candidates: Certificate[],
  engine: ICryptoEngine,
): Promise<Certificate | null> {
  for (const candidate of candidates) {
    if (!certificate.issuer.isEqual(candidate.subject)) continue;
    if (await verifiesWith(certificate, candidate, engine)) return candidate;
  }
  return null;
}

async function verifiesWith(
  certificate: Certificate,
  issuer: Certificate,
  engine: ICryptoEngine,
): Promise<boolean> {
  try {
    return await certificate.verify(issuer, engine);
  } catch {
    // pkijs throws when the key does not fit the algorithm (for example an
    // EC key for an RSA signature), which means this issuer did not sign it.
    return false;
  }
}

function checkSignatureAlgorithm(certificate: Certificate): string | null {
  const oid = certificate.signatureAlgorithm.algorithmId;
  if (certificateSignatureName(oid)) return null;

  return (
    `certificate "${formatName(certificate.subject)}" is signed with ` +
    `${describeAlgorithm(oid)}, which this server cannot verify (it ` +
    "supports RSA and ECDSA with SHA-256/384/512); sign with an RSA " +
    "certificate"
  );
}

/**
 * Checks that `issuer` may issue certificates: basicConstraints cA, the
 * keyCertSign usage when KeyUsage is present, and the path length limit.
 * `belowCount` is the number of intermediates already below it.
 */
function checkCaCertificate(
  issuer: Certificate,
  belowCount: number,
): string | null {
  const name = formatName(issuer.subject);
  const constraints = issuer.extensions?.find(
    (extension) => extension.extnID === BASIC_CONSTRAINTS_OID,
  )?.parsedValue as BasicConstraints | undefined;

  if (!constraints?.cA) {
    return (
      `certificate "${name}" in the signature is not a CA certificate, ` +
      "so it cannot issue the signer's certificate; sign with a " +
      "certificate issued by the national CA"
    );
  }

  const keyUsage = issuer.extensions?.find(
    (extension) => extension.extnID === KEY_USAGE_OID,
  );
  const usageBits = keyUsage?.parsedValue?.valueBlock?.valueHexView as
    Uint8Array | undefined;
  if (keyUsage && ((usageBits?.[0] ?? 0) & KEY_CERT_SIGN_MASK) === 0) {
    return (
      `CA certificate "${name}" lacks the keyCertSign key usage, so it ` +
      "cannot issue certificates; sign with a certificate issued by the " +
      "national CA"
    );
  }

  const pathLength = constraints.pathLenConstraint;
  const limit =
    typeof pathLength === "number"
      ? pathLength
      : pathLength?.valueBlock.valueDec;
  if (limit !== undefined && belowCount > limit) {
    return (
      `CA certificate "${name}" allows ${limit} intermediate CA ` +
      `certificates below it, but the chain has ${belowCount}; sign with ` +
      "a certificate issued by the national CA"
    );
  }
  return null;
}

function untrustedMessage(certificate: Certificate): string {
  return (
    `certificate "${formatName(certificate.subject)}" was issued by ` +
    `"${formatName(certificate.issuer)}", which is not a trusted root ` +
    "and whose certificate is not in the signature; sign with a " +
    "certificate issued by the national CA of Kazakhstan"
  );
}

function sameCertificate(left: Certificate, right: Certificate): boolean {
  const leftBytes = left.tbsView;
  const rightBytes = right.tbsView;
  if (leftBytes.byteLength !== rightBytes.byteLength) return false;
  return leftBytes.every((byte, index) => byte === rightBytes[index]);
}
