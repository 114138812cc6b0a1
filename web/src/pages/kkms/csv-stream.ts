/**
 * Reads a streamed CSV export row by row: RFC 4180 quoting (quoted fields
 * may contain commas, quotes doubled, and line breaks), a UTF-8 BOM at the
 * start skipped, CRLF or LF line ends.
 */

/** Amounts in the CSV: tenge with exactly 2 decimals. */
const AMOUNT = /^-?\d+\.\d{2}$/;

/**
 * Turns a CSV cell into a workbook value. Amounts become numbers. Other
 * digit strings (fiscal signs, KGD numbers) stay text, so leading zeros and
 * all 12 digits survive.
 */
export function cellValue(text: string): string | number {
  return AMOUNT.test(text) ? Number(text) : text;
}

/** Incremental CSV parser; feed text chunks, then call `end()`. */
export class CsvParser {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  // True right after a closing quote, until the next separator.
  private afterQuote = false;
  private started = false;

  constructor(private readonly onRow: (row: string[]) => void) {}

  /** Parses a chunk; rows completed by it are passed to `onRow`. */
  push(chunk: string): void {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.startsWith("\ufeff")) text = text.slice(1);
    }

    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (this.quoted) {
        if (char !== '"') {
          this.field += char;
        } else if (text[i + 1] === '"') {
          this.field += '"';
          i++;
        } else {
          // A closing quote, or the first of a doubled pair split across
          // chunks; afterQuote distinguishes the two at the next character.
          this.quoted = false;
          this.afterQuote = true;
        }
        continue;
      }

      if (char === '"' && this.afterQuote) {
        // The second quote of a pair split across chunks.
        this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
      } else if (char === '"' && this.field === "") {
        this.quoted = true;
      } else if (char === ",") {
        this.endField();
      } else if (char === "\n") {
        this.endRow();
      } else if (char !== "\r") {
        this.field += char;
        this.afterQuote = false;
      }
    }
  }

  /** Ends the input; a last row without a line end is still passed on. */
  end(): void {
    if (this.field !== "" || this.row.length > 0) this.endRow();
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = "";
    this.afterQuote = false;
  }

  private endRow(): void {
    this.endField();
    this.onRow(this.row);
    this.row = [];
  }
}

/**
 * Downloads the CSV at `url` and passes each row to `onRow` while it
 * streams; `onProgress` gets the count of rows read after each chunk.
 * Returns the total row count, header included.
 */
export async function readCsvStream(
  url: string,
  onRow: (row: string[]) => void,
  onProgress: (rows: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const response = await fetch(url, {
    credentials: "same-origin",
    headers: { accept: "text/csv" },
    signal,
  });
  if (!response.ok || !response.body) {
    throw new Error(await failureText(response));
  }

  let rows = 0;
  const parser = new CsvParser((row) => {
    rows += 1;
    onRow(row);
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
    onProgress(rows);
  }
  parser.end();
  onProgress(rows);
  return rows;
}

async function failureText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } };
    return parsed.error?.message ?? `HTTP ${response.status}`;
  } catch {
    // Not the JSON envelope, so the status stands for the failure.
    return `HTTP ${response.status}`;
  }
}
