/**
 * Paper offer applications: scans or archives uploaded by the taxpayer,
 * checked by their magic bytes and kept in R2.
 */

/**
 * Largest accepted upload, 10 MiB. It fits a few pages scanned at 300 dpi
 * as JPEG or PDF and stays well under the Workers request body limit
 * (100 MB on the Free and Pro plans).
 */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** Accepted file kinds and the magic bytes that start them. */
const SCAN_TYPES = [
  {
    extension: "zip",
    contentType: "application/zip",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    extension: "pdf",
    contentType: "application/pdf",
    magic: [0x25, 0x50, 0x44, 0x46, 0x2d],
  },
  { extension: "jpg", contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
] as const;

/** Extension of an accepted scan file. */
export type ScanExtension = (typeof SCAN_TYPES)[number]["extension"];

/** Content type of an accepted scan file. */
export type ScanContentType = (typeof SCAN_TYPES)[number]["contentType"];

/** Outcome of `checkScan`. */
export type ScanCheck =
  | { ok: true; contentType: ScanContentType; extension: ScanExtension }
  | { ok: false; message: string };

/** Other common types, named only to make rejection messages clearer. */
const KNOWN_OTHER_TYPES = [
  { name: "PNG image", magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: "GIF image", magic: [0x47, 0x49, 0x46, 0x38] },
  { name: "TIFF image", magic: [0x49, 0x49, 0x2a, 0x00] },
  { name: "TIFF image", magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: "RAR archive", magic: [0x52, 0x61, 0x72, 0x21] },
  { name: "7-Zip archive", magic: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: "empty ZIP archive", magic: [0x50, 0x4b, 0x05, 0x06] },
] as const;

const ACCEPTED = "a ZIP archive, a PDF or a JPEG image";

/**
 * Detects the type of an uploaded scan by its first bytes, ignoring the
 * file name's extension, and rejects empty, oversized and other files.
 */
export function checkScan(bytes: Uint8Array, fileName: string): ScanCheck {
  if (bytes.length === 0) {
    return {
      ok: false,
      message:
        `file "${fileName}" is empty; upload ${ACCEPTED} of the signed ` +
        "application",
    };
  }

  if (bytes.length > MAX_SCAN_BYTES) {
    return {
      ok: false,
      message:
        `file "${fileName}" is ${bytes.length} bytes, over the ` +
        `${MAX_SCAN_BYTES}-byte (10 MiB) limit; compress the scans or ` +
        "lower their resolution",
    };
  }

  const type = SCAN_TYPES.find((candidate) =>
    startsWith(bytes, candidate.magic),
  );
  if (!type) {
    return {
      ok: false,
      message:
        `file "${fileName}" is ${describeType(bytes)}, which is not ` +
        `accepted; upload ${ACCEPTED}`,
    };
  }

  return { ok: true, contentType: type.contentType, extension: type.extension };
}

/** R2 key of an application's scan: one object per application. */
export function scanKey(
  organisationId: string,
  applicationId: string,
  extension: ScanExtension,
): string {
  checkKeyId("organisationId", organisationId);
  checkKeyId("applicationId", applicationId);
  return `offer-scans/${organisationId}/${applicationId}.${extension}`;
}

/** Stores a checked scan in R2 under `key` with its content type. */
export async function storeScan(
  bucket: R2Bucket,
  key: string,
  bytes: Uint8Array,
  contentType: ScanContentType,
): Promise<void> {
  await bucket.put(key, bytes, { httpMetadata: { contentType } });
}

function checkKeyId(field: string, value: string): void {
  // Ids become path segments of the key, so "/" or ".." must not get in.
  if (!/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new Error(
      `${field} "${value}" is not a valid id for an R2 key; use an id ` +
        "made of letters, digits, '_' and '-'",
    );
  }
}

function describeType(bytes: Uint8Array): string {
  const known = KNOWN_OTHER_TYPES.find((candidate) =>
    startsWith(bytes, candidate.magic),
  );
  if (known) return `a ${known.name}`;

  const head = [...bytes.subarray(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join(" ");
  return `of an unknown type (first bytes ${head})`;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}
