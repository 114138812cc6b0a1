import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { CloseShiftRequestSchema } from "../../../proto/messages";
import { fromLocalText } from "../../../durable/fiscal/date-time";
import { toMoney } from "../../../durable/fiscal/money";
import {
  validateCloseShift,
  validateMoneyPlacement,
} from "../../../durable/fiscal/validate-documents";
import { DEPOSIT, WITHDRAWAL, placement } from "./fixtures";

describe("validateMoneyPlacement", () => {
  it("accepts a deposit", () => {
    expect(validateMoneyPlacement(placement(DEPOSIT, 5000))).toBeNull();
  });

  it("rejects missing sum", () => {
    const request = placement(WITHDRAWAL, 5000);
    request.sum = undefined;

    expect(validateMoneyPlacement(request)).toEqual({
      resultCode: 13,
      field: "sum",
      message: "sum is missing",
    });
  });

  it("rejects zero sum", () => {
    const request = placement(DEPOSIT, 0);

    expect(validateMoneyPlacement(request)?.message).toBe(
      "sum must be greater than 0.00",
    );
  });

  it("rejects invalid coins", () => {
    const request = placement(DEPOSIT, 100);
    request.sum = { ...toMoney(100), coins: 100 };

    expect(validateMoneyPlacement(request)?.message).toBe(
      "sum coins 100 must be 0..99",
    );
  });

  it("rejects invalid date", () => {
    const request = placement(DEPOSIT, 100);
    request.datetime!.time!.hour = 24;

    expect(validateMoneyPlacement(request)).toEqual({
      resultCode: 13,
      field: "datetime",
      message: "datetime is invalid: invalid time 24:30:0",
    });
  });

  it("rejects unknown operation", () => {
    const request = placement(DEPOSIT, 100);
    request.$unknown = [{ no: 2, wireType: 0, data: new Uint8Array([5]) }];

    expect(validateMoneyPlacement(request)?.field).toBe("operation");
  });
});

describe("validateCloseShift", () => {
  it("accepts a close time", () => {
    const request = create(CloseShiftRequestSchema, {
      closeTime: fromLocalText("2025-11-20T20:00:00"),
    });

    expect(validateCloseShift(request)).toBeNull();
  });

  it("rejects missing close time", () => {
    expect(validateCloseShift(create(CloseShiftRequestSchema, {}))).toEqual({
      resultCode: 13,
      field: "close_time",
      message: "close_time is missing",
    });
  });

  it("rejects invalid close time", () => {
    const request = create(CloseShiftRequestSchema, {
      closeTime: fromLocalText("2025-02-28T20:00:00"),
    });
    request.closeTime!.date!.day = 30;

    expect(validateCloseShift(request)?.message).toBe(
      "close_time is invalid: invalid date 2025-2-30",
    );
  });
});
