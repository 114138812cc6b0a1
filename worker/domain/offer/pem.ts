/** PEM bundles of trusted root certificates, as in RFC 7468. */

const CERTIFICATE_BLOCK =
  /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/**
 * Decodes every CERTIFICATE block of a PEM bundle into DER bytes, in order.
 * Throws when the text has no CERTIFICATE block or a block is not base64,
 * because a wrong root bundle is a configuration error, not user input.
 */
export function pemToDer(pem: string): Uint8Array[] {
  const certificates: Uint8Array[] = [];

  for (const match of pem.matchAll(CERTIFICATE_BLOCK)) {
    const body = (match[1] ?? "").replace(/\s+/g, "");
    certificates.push(decodeBlock(body, certificates.length + 1));
  }

  if (certificates.length === 0) {
    throw new Error(
      "PEM text contains no -----BEGIN CERTIFICATE----- block; " +
        "pass the root certificates in PEM form",
    );
  }
  return certificates;
}

function decodeBlock(body: string, position: number): Uint8Array {
  let binary = "";
  try {
    binary = atob(body);
  } catch {
    binary = "";
  }

  if (binary === "") {
    throw new Error(
      `PEM certificate block ${position} is not valid base64; ` +
        "check that the bundle was copied whole",
    );
  }

  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}
