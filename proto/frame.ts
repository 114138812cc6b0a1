/**
 * The 18-byte little-endian frame header of the KKM protocol (CPCR) and the
 * frame around a protobuf body. Used by the gateway, the Worker and the
 * simulator, so it depends on nothing but the standard library.
 */

/** APPCODE of every frame, `A2 81` on the wire. */
export const APPCODE = 0x81a2;

/** Header length in bytes; SIZE counts these bytes too. */
export const HEADER_SIZE = 18;

/**
 * Largest frame this server accepts. The protocol sets no limit; real
 * requests are a few KB, so 1 MiB leaves room for receipts with many marking
 * codes while bounding what a bad client can make us buffer.
 */
export const MAX_FRAME_SIZE = 1024 * 1024;

/** Protocol versions this server speaks, as written in the VERSION field. */
export const SUPPORTED_VERSIONS = [202, 203] as const;

export type ProtocolVersion = (typeof SUPPORTED_VERSIONS)[number];

/** Fields of the frame header; `size` includes the header itself. */
export interface FrameHeader {
  appCode: number;
  version: number;
  size: number;
  kkmId: number;
  token: number;
  reqNum: number;
}

/** Why a header cannot start a frame this server reads. */
export type HeaderProblem =
  | { reason: "short"; length: number }
  | { reason: "appcode"; appCode: number }
  | { reason: "size"; size: number };

/** Reads the header fields from the first 18 bytes of `bytes`. */
export function readHeader(bytes: Uint8Array): FrameHeader {
  if (bytes.length < HEADER_SIZE) {
    throw new RangeError(
      `frame header needs ${HEADER_SIZE} bytes, got ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_SIZE);
  return {
    appCode: view.getUint16(0, true),
    version: view.getUint16(2, true),
    size: view.getUint32(4, true),
    kkmId: view.getUint32(8, true),
    token: view.getUint32(12, true),
    reqNum: view.getUint16(16, true),
  };
}

/**
 * Checks the parts of a header that decide whether the rest of the frame can
 * be read at all: the APPCODE and a SIZE between 18 bytes and 1 MiB.
 */
export function checkHeader(header: FrameHeader): HeaderProblem | null {
  if (header.appCode !== APPCODE) {
    return { reason: "appcode", appCode: header.appCode };
  }
  if (header.size < HEADER_SIZE || header.size > MAX_FRAME_SIZE) {
    return { reason: "size", size: header.size };
  }
  return null;
}

/** Describes a header problem in one sentence with the value and the rule. */
export function describeHeaderProblem(problem: HeaderProblem): string {
  switch (problem.reason) {
    case "short":
      return `frame has ${problem.length} bytes, fewer than the ${HEADER_SIZE}-byte header`;
    case "appcode":
      return `invalid APPCODE 0x${problem.appCode.toString(16)}, expected 0x${APPCODE.toString(16)}`;
    case "size":
      return `invalid SIZE ${problem.size}, expected ${HEADER_SIZE} to ${MAX_FRAME_SIZE} bytes`;
  }
}

/** Whether `version` is one this server answers in. */
export function isSupportedVersion(
  version: number,
): version is ProtocolVersion {
  return (SUPPORTED_VERSIONS as readonly number[]).includes(version);
}

/** Builds a frame: a header with SIZE computed from the body, then the body. */
export function writeFrame(
  header: Omit<FrameHeader, "appCode" | "size">,
  body: Uint8Array,
): Uint8Array {
  const frame = new Uint8Array(HEADER_SIZE + body.length);
  const view = new DataView(frame.buffer);
  view.setUint16(0, APPCODE, true);
  view.setUint16(2, header.version, true);
  view.setUint32(4, frame.length, true);
  view.setUint32(8, header.kkmId >>> 0, true);
  view.setUint32(12, header.token >>> 0, true);
  view.setUint16(16, header.reqNum & 0xffff, true);
  frame.set(body, HEADER_SIZE);
  return frame;
}

/** Splits a whole frame into its header and body; SIZE must match. */
export function splitFrame(frame: Uint8Array): {
  header: FrameHeader;
  body: Uint8Array;
} {
  const header = readHeader(frame);
  if (header.size !== frame.length) {
    throw new RangeError(
      `frame SIZE ${header.size} does not match its ${frame.length} bytes`,
    );
  }
  return { header, body: frame.subarray(HEADER_SIZE) };
}

/** Parses lowercase or uppercase hex, ignoring white space. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, "");
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new SyntaxError("hex text must be an even number of hex digits");
  }
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

/** Formats bytes as lowercase hex without separators. */
export function toHex(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte.toString(16).padStart(2, "0");
  return text;
}
