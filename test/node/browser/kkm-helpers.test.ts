/**
 * DOM-free helpers of the KKM pages: streamed CSV reading, workbook cell
 * values and day groups in the KKM's time zone.
 */
import { describe, expect, it } from "vitest";
import { CsvParser, cellValue } from "../../../web/src/pages/kkms/csv-stream";
import { dateInZone, groupByDay } from "../../../web/src/pages/kkms/kkm-dates";

const LABELS = { today: "Today", yesterday: "Yesterday" };

/** Parses `chunks` as one streamed CSV. */
function parse(chunks: string[]): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((row) => rows.push(row));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

describe("CsvParser", () => {
  it("skips BOM and reads CRLF rows", () => {
    expect(parse(["\ufeffa,b\r\n1,2\r\n"])).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("reads quoted commas, quotes, breaks", () => {
    expect(parse(['x,"a, ""b""\nc"\n'])).toEqual([["x", 'a, "b"\nc']]);
  });

  it("joins a doubled quote across chunks", () => {
    expect(parse(['"a""', 'b",c\n'])).toEqual([['a"b', "c"]]);
    expect(parse(['"a"', '"b",c\n'])).toEqual([['a"b', "c"]]);
  });

  it("keeps last row without line end", () => {
    expect(parse(["a,b\n1,", "2"])).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});

describe("xlsx cell values", () => {
  it("turns amounts into numbers only", () => {
    expect(cellValue("1500.50")).toBe(1500.5);
    expect(cellValue("-3.00")).toBe(-3);
    expect(cellValue("000123456789")).toBe("000123456789");
    expect(cellValue("1500")).toBe("1500");
  });
});

describe("day groups", () => {
  const rows = [
    { localTime: "2026-03-10T20:56:00" },
    { localTime: "2026-03-10T09:00:00" },
    { localTime: "2026-03-09T18:00:00" },
    { localTime: "2026-02-28T18:00:00" },
  ];

  it("labels today, yesterday and dates", () => {
    const groups = groupByDay(rows, "2026-03-10", LABELS);

    expect(groups.map((group) => group.label)).toEqual([
      "Today",
      "Yesterday",
      "28.02.2026",
    ]);
    expect(groups[0]?.rows.length, "rows of today").toBe(2);
  });

  it("crosses month boundary for yesterday", () => {
    const groups = groupByDay(
      [{ localTime: "2026-02-28T10:00:00" }],
      "2026-03-01",
      LABELS,
    );

    expect(groups[0]?.label).toBe("Yesterday");
  });

  it("takes the date in the KKM zone", () => {
    const instant = new Date("2026-03-10T20:30:00Z");

    expect(dateInZone(instant, "Asia/Almaty")).toBe("2026-03-11");
    expect(dateInZone(instant, "Europe/London")).toBe("2026-03-10");
  });
});
