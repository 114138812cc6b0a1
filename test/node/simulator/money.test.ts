import { describe, expect, it } from "vitest";
import {
  formatQuantity,
  formatTenge,
  fromMoney,
  parseQuantity,
  parseTenge,
  toMoney,
} from "../../../simulator/money";

describe("parseTenge", () => {
  it.each([
    ["1000.50", 100050n],
    ["1000,50", 100050n],
    ["1000.5", 100050n],
    ["1000", 100000n],
    ["0.01", 1n],
    ["0.1", 10n],
    ["0", 0n],
    ["  250.05 ", 25005n],
    ["99999999999.99", 9999999999999n],
  ])("parses %s exactly", (text, tiyn) => {
    expect(parseTenge(text)).toBe(tiyn);
  });

  it.each([
    "1.234",
    "-1",
    "abc",
    "1e3",
    "",
    "1 000",
    "0x10",
    "1.",
    ".5",
    "1.2.3",
    "Infinity",
    "1000000000000000.01",
  ])("rejects %j", (text) => {
    expect(parseTenge(text)).toBeNull();
  });

  it("avoids float rounding of 0.29", () => {
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    expect(parseTenge("0.29")).toBe(29n);
    expect(parseTenge("1.15")).toBe(115n);
  });
});

describe("formatTenge", () => {
  it("writes two decimals", () => {
    expect(formatTenge(100050n)).toBe("1000.50");
    expect(formatTenge(1n)).toBe("0.01");
    expect(formatTenge(0n)).toBe("0.00");
    expect(formatTenge(-250n)).toBe("-2.50");
  });
});

describe("parseQuantity", () => {
  it.each([
    ["1", 1000n],
    ["1.5", 1500n],
    ["0.001", 1n],
    ["2,25", 2250n],
    ["10.125", 10125n],
  ])("parses %s to thousandths", (text, thousandths) => {
    expect(parseQuantity(text)).toBe(thousandths);
  });

  it.each(["1.2345", "-1", "x", "", "1e2"])("rejects %j", (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it("formats without trailing zeros", () => {
    expect(formatQuantity(1500n)).toBe("1.5");
    expect(formatQuantity(2000n)).toBe("2");
    expect(formatQuantity(1n)).toBe("0.001");
  });
});

describe("Money conversion", () => {
  it("splits tiyn into bills and coins", () => {
    const money = toMoney(100050n);
    expect(money.bills).toBe(1000n);
    expect(money.coins).toBe(50);
    expect(fromMoney(money)).toBe(100050n);
  });

  it("rejects negative amounts", () => {
    expect(() => toMoney(-1n)).toThrow(RangeError);
  });
});
