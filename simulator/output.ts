/**
 * Command output: human lines by default, or with --json one JSON
 * object on stdout. Bigints (tiyn, quantities) are written as strings.
 */

/** Output streams of the simulator; tests pass their own. */
export interface OutputStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Collects a command's human lines and JSON fields until it ends. */
export class Output {
  readonly lines: string[] = [];
  readonly data: Record<string, unknown> = {};
  /** Exit code for a response whose result is OK but whose content rejects. */
  exitCode = 0;

  /** Adds a human-readable line. */
  line(text: string): void {
    this.lines.push(text);
  }

  /** Sets a field of the JSON object. */
  set(key: string, value: unknown): void {
    this.data[key] = value;
  }

  /** Writes everything collected, as JSON or as lines. */
  flush(streams: OutputStreams, json: boolean): void {
    if (json) {
      streams.stdout(`${toJson(this.data)}\n`);
      return;
    }
    for (const text of this.lines) streams.stdout(`${text}\n`);
  }
}

/** Serialises a value as JSON, writing bigints and bytes as strings. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, entry: unknown) => {
      if (typeof entry === "bigint") return entry.toString();
      if (entry instanceof Uint8Array)
        return Buffer.from(entry).toString("hex");
      return entry;
    },
    indent,
  );
}
