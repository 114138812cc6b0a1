import { describe, expect, it } from "vitest";
import { fromMoney } from "../../../simulator/money";
import { includedVat, vatEntry } from "../../../simulator/vat";

describe("includedVat", () => {
  it.each([
    // sum in tiyn, rate, exact quotient, rounded tax
    [100000n, 12, 10714n], // 1000.00: 107.142857...
    [100000n, 16, 13793n], // 1000.00: 137.931034...
    [50100n, 12, 5368n], // 501.00: 53.678571...
    [50100n, 16, 6910n], // 501.00: 69.103448...
    [11200n, 12, 1200n], // 112.00: exactly 12.00
    [11600n, 16, 1600n], // 116.00: exactly 16.00
    [14n, 12, 2n], // 0.14: 0.015 rounds half up
    [1n, 16, 0n],
    [100000n, 0, 0n],
  ])("VAT in %s tiyn at %s %% is %s", (sum, rate, tax) => {
    expect(includedVat(sum, rate)).toBe(tax);
  });
});

describe("vatEntry", () => {
  it("fills the 2.0.3 Tax fields", () => {
    const tax = vatEntry(100000n, 16);
    expect(tax.taxType).toBe(100);
    expect(tax.taxationType).toBe(101);
    expect(tax.percent).toBe(16000);
    expect(fromMoney(tax.sum)).toBe(13793n);
    expect(tax.isInTotalSum).toBe(true);
  });
});
