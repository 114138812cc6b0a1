/**
 * Incremental frame reader for a TCP byte stream: TCP chunks go in, complete
 * frames come out, and a bad header stops the reader for good.
 */
import {
  HEADER_SIZE,
  checkHeader,
  readHeader,
  type FrameHeader,
  type HeaderProblem,
} from "../proto/frame";

/** A complete frame (header and body) and its parsed header. */
export interface ReadFrame {
  kind: "frame";
  header: FrameHeader;
  bytes: Uint8Array;
}

/** A header that cannot start a frame; the stream cannot be read further. */
export interface ReadProblem {
  kind: "problem";
  header: FrameHeader;
  problem: HeaderProblem;
}

export type ReadOutput = ReadFrame | ReadProblem;

/**
 * Splits a byte stream into frames. Received chunks are kept as they are and
 * copied once into a frame when all of its bytes are in, so memory grows with
 * the bytes received, not with the SIZE a header claims.
 */
export class FrameReader {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private header: FrameHeader | null = null;
  private failed = false;

  /** Bytes received that do not yet make a complete frame. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Whether a header problem was found; later input is then ignored. */
  get hasFailed(): boolean {
    return this.failed;
  }

  /**
   * Adds a chunk and returns the frames it completes, in order. A header
   * problem is the last output: the reader drops its buffer and ignores the
   * chunks that follow.
   */
  push(chunk: Uint8Array): ReadOutput[] {
    if (this.failed) return [];
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }

    const outputs: ReadOutput[] = [];
    for (;;) {
      if (this.header === null) {
        if (this.buffered < HEADER_SIZE) break;

        const header = readHeader(this.copyOut(HEADER_SIZE, false));
        const problem = checkHeader(header);
        if (problem) {
          this.fail();
          outputs.push({ kind: "problem", header, problem });
          break;
        }
        this.header = header;
      }

      if (this.buffered < this.header.size) break;

      outputs.push({
        kind: "frame",
        header: this.header,
        bytes: this.copyOut(this.header.size, true),
      });
      this.header = null;
    }
    return outputs;
  }

  private fail(): void {
    this.failed = true;
    this.chunks = [];
    this.buffered = 0;
    this.header = null;
  }

  /** Copies the first `length` buffered bytes, removing them if `consume`. */
  private copyOut(length: number, consume: boolean): Uint8Array {
    const out = new Uint8Array(length);
    let filled = 0;
    let index = 0;

    while (filled < length) {
      const chunk = this.chunks[index]!;
      const take = Math.min(chunk.length, length - filled);
      out.set(chunk.subarray(0, take), filled);
      filled += take;

      if (consume && take < chunk.length) {
        this.chunks[index] = chunk.subarray(take);
      } else {
        index++;
      }
    }

    // One splice per frame keeps a frame sent byte by byte linear in time.
    if (consume) {
      this.chunks.splice(0, index);
      this.buffered -= length;
    }
    return out;
  }
}
