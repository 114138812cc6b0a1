/**
 * The check page's client-side rules agree with the server's: every value
 * the page rejects, GET /api/public/receipts/check rejects for the same
 * field, and every value it lets through, the server accepts.
 */
import { describe, expect, it } from "vitest";
import {
  checkFields,
  normaliseFields,
  type CheckFields,
} from "../../../web/src/pages/check/check-params";
import {
  formatPercent,
  formatQuantity,
  formatTiyn,
} from "../../../web/src/pages/check/receipt-format";
import { parseCheckParams } from "../../../worker/domain/receipt-check";
import { CheckQuerySchema } from "../../../worker/routes/public/receipt-schemas";

const NOW = new Date("2026-12-04T12:00:00Z");

const GOOD: CheckFields = {
  i: "4228143549",
  f: "620300014538",
  s: "696.90",
  t: "20261204T101542",
};

/** Returns the field the server rejects first, or null when it accepts. */
function serverProblem(fields: CheckFields): string | null {
  const parsed = CheckQuerySchema.safeParse(fields);
  if (!parsed.success) return String(parsed.error.issues[0]?.path[0]);
  const result = parseCheckParams(fields, NOW);
  return "reason" in result ? result.field : null;
}

describe("client and server rules", () => {
  it.each([
    ["i", "1"],
    ["i", "1234567890123456789"],
    ["i", "12345678901234567890"],
    ["i", "12a"],
    ["f", "62030001453"],
    ["f", "6203000145380"],
    ["s", "13507.0"],
    ["s", "12"],
    ["s", "980.001"],
    ["s", "1000000000000"],
    ["s", "1000000000000.01"],
    ["s", "12345678901234567"],
    ["t", "20261204T1015"],
    ["t", "20261304T101542"],
    ["t", "20260229T101542"],
    ["t", "20280229T101542"],
    ["t", "20261205T170000"],
    ["t", "20261205T190000"],
  ] as const)("agree on %s=%s", (field, value) => {
    const fields = { ...GOOD, [field]: value };

    const client = Object.keys(checkFields(fields, NOW));
    const server = serverProblem(fields);

    expect(client, `client flags ${client.join(",")}`).toEqual(
      server === null ? [] : [server],
    );
  });
});

describe("normaliseFields", () => {
  it("turns form input into QR fields", () => {
    const fields = normaliseFields({
      i: " 4228 143549 ",
      f: "6203 0001 4538",
      s: "696,90",
      t: "2026-12-04T10:15:42",
    });

    expect(fields).toEqual(GOOD);
  });
});

describe("receipt formats", () => {
  it.each([
    [123_450, "ru", "1\u00a0234,50"],
    [123_450, "en", "1,234.50"],
    [5, "kk", "0,05"],
    [100_000_000_000_000, "en", "1,000,000,000,000.00"],
  ] as const)("formats %i tiyn in %s", (tiyn, language, text) => {
    expect(formatTiyn(tiyn, language)).toBe(text);
  });

  it("formats quantities and rates", () => {
    expect(formatQuantity(1500, "ru")).toBe("1,5");
    expect(formatQuantity(2000, "en")).toBe("2");
    expect(formatPercent(16_000, "en")).toBe("16%");
    expect(formatPercent(12_500, "ru")).toBe("12,5%");
  });
});
