import { describe, expect, it } from "vitest";
import {
  divideRounded,
  spreadByLargestRemainder,
} from "../../../durable/fiscal/counters-rounding";

describe("divideRounded", () => {
  it.each([
    { numerator: 5n, denominator: 2n, result: 3 },
    { numerator: -5n, denominator: 2n, result: -3 },
    { numerator: 7n, denominator: 3n, result: 2 },
    { numerator: 8n, denominator: 3n, result: 3 },
    { numerator: 0n, denominator: 7n, result: 0 },
    {
      numerator: 9_007_199_254_740_991n * 16_000n,
      denominator: 116_000n,
      result: 1_242_372_310_998_757,
    },
  ])("$numerator / $denominator is $result", (row) => {
    expect(divideRounded(row.numerator, row.denominator)).toBe(row.result);
  });

  it("rejects zero denominator", () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe("spreadByLargestRemainder", () => {
  it.each([
    { amount: 1000, weights: [11200, 11600], parts: [491, 509] },
    { amount: 1, weights: [1, 1], parts: [1, 0] },
    { amount: 10, weights: [1, 1, 1], parts: [4, 3, 3] },
    { amount: 7, weights: [0, 5], parts: [0, 7] },
    { amount: 7, weights: [-3, 5], parts: [0, 7] },
    { amount: 7, weights: [0, 0], parts: [0, 0] },
    { amount: 0, weights: [3, 4], parts: [0, 0] },
  ])("$amount over $weights", ({ amount, weights, parts }) => {
    expect(spreadByLargestRemainder(amount, weights)).toEqual(parts);
  });
});
