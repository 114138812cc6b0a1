import { describe, expect, it } from "vitest";
import { FrameReader, type ReadOutput } from "../../../gateway/frame-reader";
import {
  HEADER_SIZE,
  MAX_FRAME_SIZE,
  writeFrame,
  type FrameHeader,
} from "../../../proto/frame";

const HEADER = { version: 203, kkmId: 4242, token: 0xdeadbeef, reqNum: 7 };

function frameWithBody(length: number, reqNum = HEADER.reqNum): Uint8Array {
  const body = new Uint8Array(length).map((_, i) => (i * 31 + 5) & 0xff);
  return writeFrame({ ...HEADER, reqNum }, body);
}

function rawHeader(appCode: number, size: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, appCode, true);
  view.setUint16(2, 203, true);
  view.setUint32(4, size, true);
  return bytes;
}

function framesOf(outputs: ReadOutput[]): Uint8Array[] {
  return outputs.flatMap((output) =>
    output.kind === "frame" ? [output.bytes] : [],
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe("FrameReader", () => {
  it("reads a frame in one chunk", () => {
    const frame = frameWithBody(40);
    const outputs = new FrameReader().push(frame);

    expect(outputs).toHaveLength(1);
    const [output] = outputs;
    expect(output?.kind).toBe("frame");
    if (output?.kind !== "frame") return;
    expect(output.bytes).toEqual(frame);
    expect(output.header).toEqual<FrameHeader>({
      appCode: 0x81a2,
      version: 203,
      size: HEADER_SIZE + 40,
      kkmId: 4242,
      token: 0xdeadbeef,
      reqNum: 7,
    });
  });

  it("reads a frame split at every offset", () => {
    const frame = frameWithBody(40);

    for (let cut = 0; cut <= frame.length; cut++) {
      const reader = new FrameReader();
      const first = reader.push(frame.subarray(0, cut));
      const second = reader.push(frame.subarray(cut));

      const frames = [...framesOf(first), ...framesOf(second)];
      expect(frames, `cut at byte ${cut}`).toEqual([frame]);
      expect(first, `cut at byte ${cut}`).toHaveLength(
        cut === frame.length ? 1 : 0,
      );
      expect(reader.bufferedBytes, `cut at byte ${cut}`).toBe(0);
    }
  });

  it("reads a frame split at every two offsets", () => {
    const frame = frameWithBody(12);

    for (let a = 0; a <= frame.length; a++) {
      for (let b = a; b <= frame.length; b++) {
        const reader = new FrameReader();
        const frames = [
          ...framesOf(reader.push(frame.subarray(0, a))),
          ...framesOf(reader.push(frame.subarray(a, b))),
          ...framesOf(reader.push(frame.subarray(b))),
        ];
        expect(frames, `cuts at bytes ${a} and ${b}`).toEqual([frame]);
      }
    }
  });

  it("reads a frame byte by byte", () => {
    const frame = frameWithBody(300);
    const reader = new FrameReader();
    const frames: Uint8Array[] = [];

    for (let i = 0; i < frame.length; i++) {
      frames.push(...framesOf(reader.push(frame.subarray(i, i + 1))));
      if (i < frame.length - 1) expect(reader.bufferedBytes).toBe(i + 1);
    }

    expect(frames).toEqual([frame]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it("reads several frames in one chunk", () => {
    const frames = [
      frameWithBody(0, 1),
      frameWithBody(5, 2),
      frameWithBody(70, 3),
    ];
    const outputs = new FrameReader().push(concat(...frames));

    expect(framesOf(outputs)).toEqual(frames);
    expect(outputs.map((output) => output.header.reqNum)).toEqual([1, 2, 3]);
  });

  it("keeps the start of the next frame", () => {
    const first = frameWithBody(10, 1);
    const second = frameWithBody(20, 2);
    const stream = concat(first, second);
    const reader = new FrameReader();

    const head = reader.push(stream.subarray(0, first.length + 9));
    expect(framesOf(head)).toEqual([first]);
    expect(reader.bufferedBytes).toBe(9);

    const tail = reader.push(stream.subarray(first.length + 9));
    expect(framesOf(tail)).toEqual([second]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it("splits a stream of frames anywhere", () => {
    const frames = [
      frameWithBody(3, 1),
      frameWithBody(0, 2),
      frameWithBody(25, 3),
    ];
    const stream = concat(...frames);

    for (let size = 1; size <= stream.length; size++) {
      const reader = new FrameReader();
      const got: Uint8Array[] = [];
      for (let i = 0; i < stream.length; i += size) {
        got.push(...framesOf(reader.push(stream.subarray(i, i + size))));
      }
      expect(got, `chunks of ${size} bytes`).toEqual(frames);
    }
  });

  it("accepts an empty body", () => {
    const frame = frameWithBody(0);
    expect(framesOf(new FrameReader().push(frame))).toEqual([frame]);
  });

  it("ignores empty chunks", () => {
    const reader = new FrameReader();
    expect(reader.push(new Uint8Array(0))).toEqual([]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it("rejects a wrong APPCODE", () => {
    const reader = new FrameReader();
    const outputs = reader.push(rawHeader(0x1234, 100));

    expect(outputs).toHaveLength(1);
    expect(outputs[0]?.kind).toBe("problem");
    if (outputs[0]?.kind !== "problem") return;
    expect(outputs[0].problem).toEqual({ reason: "appcode", appCode: 0x1234 });
    expect(reader.hasFailed).toBe(true);
  });

  it("rejects only after 18 bytes", () => {
    const header = rawHeader(0x1234, 100);
    const reader = new FrameReader();

    expect(reader.push(header.subarray(0, HEADER_SIZE - 1))).toEqual([]);
    expect(reader.hasFailed).toBe(false);

    const outputs = reader.push(header.subarray(HEADER_SIZE - 1));
    expect(outputs.map((output) => output.kind)).toEqual(["problem"]);
  });

  it("rejects SIZE below the header", () => {
    const outputs = new FrameReader().push(rawHeader(0x81a2, HEADER_SIZE - 1));

    expect(outputs[0]?.kind).toBe("problem");
    if (outputs[0]?.kind !== "problem") return;
    expect(outputs[0].problem).toEqual({ reason: "size", size: 17 });
  });

  it("rejects SIZE above 1 MiB", () => {
    const outputs = new FrameReader().push(
      rawHeader(0x81a2, MAX_FRAME_SIZE + 1),
    );

    expect(outputs[0]?.kind).toBe("problem");
    if (outputs[0]?.kind !== "problem") return;
    expect(outputs[0].problem).toEqual({
      reason: "size",
      size: MAX_FRAME_SIZE + 1,
    });
  });

  it("accepts SIZE of exactly 1 MiB", () => {
    const frame = frameWithBody(MAX_FRAME_SIZE - HEADER_SIZE);
    const reader = new FrameReader();
    const frames: Uint8Array[] = [];

    for (const piece of [frame.subarray(0, 100), frame.subarray(100)]) {
      frames.push(...framesOf(reader.push(piece)));
    }
    expect(frames).toHaveLength(1);
    expect(frames[0]?.length).toBe(MAX_FRAME_SIZE);
    expect(Buffer.compare(frames[0]!, frame)).toBe(0);
  });

  it("returns frames before a bad header", () => {
    const good = frameWithBody(4, 9);
    const outputs = new FrameReader().push(concat(good, rawHeader(0, 18)));

    expect(outputs.map((output) => output.kind)).toEqual(["frame", "problem"]);
    expect(framesOf(outputs)).toEqual([good]);
  });

  it("ignores input after a problem", () => {
    const reader = new FrameReader();
    reader.push(rawHeader(0x4547, 18));

    expect(reader.push(frameWithBody(4))).toEqual([]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it("copies frames out of chunks", () => {
    const frame = frameWithBody(8);
    const chunk = new Uint8Array(frame);
    const [output] = new FrameReader().push(chunk);
    chunk.fill(0);

    expect(output?.kind).toBe("frame");
    if (output?.kind !== "frame") return;
    expect(output.bytes).toEqual(frame);
  });
});
