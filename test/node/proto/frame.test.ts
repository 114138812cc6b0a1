import { describe, expect, it } from "vitest";
import {
  checkHeader,
  describeHeaderProblem,
  fromHex,
  readHeader,
  splitFrame,
  toHex,
  writeFrame,
} from "../../../proto/frame";

describe("frame header", () => {
  it("writes little-endian fields", () => {
    const frame = writeFrame(
      { version: 202, kkmId: 200773, token: 26264070, reqNum: 1 },
      new Uint8Array([0x08, 0x05]),
    );
    expect(toHex(frame)).toBe(
      "a281ca001400000045100300" + "06c29001" + "0100" + "0805",
    );
  });

  it("round-trips tokens above 2^31", () => {
    const frame = writeFrame(
      { version: 203, kkmId: 0xffffffff, token: 4000000001, reqNum: 65535 },
      new Uint8Array(),
    );
    expect(readHeader(frame)).toEqual({
      appCode: 0x81a2,
      version: 203,
      size: 18,
      kkmId: 0xffffffff,
      token: 4000000001,
      reqNum: 65535,
    });
  });

  it.each([
    [
      "wrong APPCODE",
      "a381cb001200000001000000010000000100",
      "invalid APPCODE 0x81a3, expected 0x81a2",
    ],
    [
      "SIZE below 18",
      "a281cb001100000001000000010000000100",
      "invalid SIZE 17, expected 18 to 1048576 bytes",
    ],
    [
      "SIZE above 1 MiB",
      "a281cb000100100001000000010000000100",
      "invalid SIZE 1048577, expected 18 to 1048576 bytes",
    ],
  ])("rejects %s", (_name, hex, message) => {
    const problem = checkHeader(readHeader(fromHex(hex)));
    expect(problem).not.toBeNull();
    expect(describeHeaderProblem(problem!)).toBe(message);
  });

  it("rejects a short header", () => {
    expect(() => readHeader(new Uint8Array(17))).toThrow(
      "frame header needs 18 bytes, got 17",
    );
  });

  it("rejects a SIZE mismatch", () => {
    const frame = writeFrame(
      { version: 203, kkmId: 1, token: 1, reqNum: 1 },
      new Uint8Array(4),
    );
    expect(() => splitFrame(frame.subarray(0, 20))).toThrow(
      "frame SIZE 22 does not match its 20 bytes",
    );
  });

  it("rejects odd hex", () => {
    expect(() => fromHex("abc")).toThrow(SyntaxError);
  });
});
