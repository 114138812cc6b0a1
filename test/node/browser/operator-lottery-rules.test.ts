/**
 * Client-side rules of the operator's lottery forms: the checks mirror the
 * API's schema, and a tenge amount becomes integer tiyn exactly.
 */
import { describe, expect, it } from "vitest";
import {
  checkDrawForm,
  checkSeed,
  dayAfter,
  EMPTY_DRAW_FORM,
  tengeToTiyn,
  toNewDraw,
  type DrawFormValues,
} from "../../../web/src/pages/operator/lottery/draw-rules";

const TODAY = "2026-12-04";

const VALID: DrawFormValues = {
  title: "December draw",
  rulesText: "Receipts of 500 tenge or more take part.",
  periodFrom: "2026-12-01",
  periodTo: "2026-12-31",
  prizeCount: "3",
  minReceiptTotal: "500",
};

/** Runs checkDrawForm and keeps only the fields with a problem. */
function problems(change: Partial<DrawFormValues>) {
  const found = checkDrawForm({ ...VALID, ...change }, TODAY);
  return Object.fromEntries(
    Object.entries(found).filter(([, key]) => key !== null),
  );
}

describe("tengeToTiyn", () => {
  it.each([
    ["500", 50_000],
    ["499.9", 49_990],
    ["499,90", 49_990],
    [" 0 ", 0],
    ["0.01", 1],
    ["1000000000000", 100_000_000_000_000],
  ])("converts %j", (text, tiyn) => {
    expect(tengeToTiyn(text)).toBe(tiyn);
  });

  it.each(["", "-1", "1.234", "1e3", "12 000", "abc", "99999999999999"])(
    "rejects %j",
    (text) => {
      expect(tengeToTiyn(text)).toBeNull();
    },
  );
});

describe("checkDrawForm", () => {
  it("accepts a valid draw", () => {
    expect(problems({})).toEqual({});
  });

  it("accepts a period ending today", () => {
    expect(problems({ periodTo: TODAY })).toEqual({});
  });

  it.each([
    [{ title: "  " }, { title: "errorRequired" }],
    [{ title: "x".repeat(201) }, { title: "opLotteryErrorTitle" }],
    [{ rulesText: "" }, { rulesText: "errorRequired" }],
    [{ rulesText: "x".repeat(10_001) }, { rulesText: "opLotteryErrorRules" }],
    [{ periodFrom: "2026-02-30" }, { periodFrom: "opLotteryErrorDate" }],
    [{ periodFrom: "" }, { periodFrom: "errorRequired" }],
    [{ periodTo: "31.12.2026" }, { periodTo: "opLotteryErrorDate" }],
    [{ periodTo: "2026-11-30" }, { periodTo: "opLotteryErrorPeriodOrder" }],
    [
      { periodFrom: "2026-11-01", periodTo: "2026-12-03" },
      { periodTo: "opLotteryErrorPeriodPassed" },
    ],
    [{ prizeCount: "0" }, { prizeCount: "opLotteryErrorPrizes" }],
    [{ prizeCount: "1001" }, { prizeCount: "opLotteryErrorPrizes" }],
    [{ prizeCount: "2.5" }, { prizeCount: "opLotteryErrorPrizes" }],
    [{ prizeCount: "" }, { prizeCount: "errorRequired" }],
    [{ minReceiptTotal: "" }, { minReceiptTotal: "errorRequired" }],
    [
      { minReceiptTotal: "5.555" },
      { minReceiptTotal: "opLotteryErrorMinTotal" },
    ],
    [
      { minReceiptTotal: "1000000000000.01" },
      { minReceiptTotal: "opLotteryErrorMinTotalMax" },
    ],
  ])("rejects %j", (change, expected) => {
    expect(problems(change)).toEqual(expected);
  });

  it("starts with every text field empty", () => {
    expect(Object.keys(problems(EMPTY_DRAW_FORM)).sort()).toEqual([
      "periodFrom",
      "periodTo",
      "rulesText",
      "title",
    ]);
  });
});

describe("toNewDraw", () => {
  it("trims and converts to tiyn", () => {
    const body = toNewDraw({
      ...VALID,
      title: "  December draw ",
      minReceiptTotal: "499,9",
    });

    expect(body).toEqual({
      title: "December draw",
      rulesText: VALID.rulesText,
      periodFrom: "2026-12-01",
      periodTo: "2026-12-31",
      prizeCount: 3,
      minReceiptTotal: 49_990,
    });
  });
});

describe("checkSeed", () => {
  it("accepts a generated hex seed", () => {
    expect(checkSeed("a".repeat(64))).toBeNull();
  });

  it.each([
    ["", "errorRequired"],
    ["fifteen-chars!!", "opLotteryErrorSeed"],
    ["has a space in the middle", "opLotteryErrorSeed"],
    ["кириллица-кириллица", "opLotteryErrorSeed"],
    ["x".repeat(257), "opLotteryErrorSeed"],
  ])("rejects %j", (seed, key) => {
    expect(checkSeed(seed)).toBe(key);
  });
});

describe("dayAfter", () => {
  it.each([
    ["2026-12-31", "2027-01-01"],
    ["2028-02-28", "2028-02-29"],
    ["2026-03-31", "2026-04-01"],
  ])("follows %s", (date, next) => {
    expect(dayAfter(date)).toBe(next);
  });
});
