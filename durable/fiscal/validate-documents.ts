/**
 * Checks of cash placements and shift closes for data that can never be
 * right: a missing or zero sum, an unknown operation, an invalid date.
 */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  MoneyPlacementRequestSchema,
  type CloseShiftRequest,
  type MoneyPlacementRequest,
} from "../../proto/messages";
import {
  firstProblem,
  hasUnknownValue,
  reject,
  requireDateTime,
  requireMoney,
  type TicketProblem,
} from "./validate-problem";

/**
 * Returns the first problem of a deposit or withdrawal, or null. Whether
 * the drawer contains enough cash for a withdrawal is left to the caller.
 */
export function validateMoneyPlacement(
  placement: MoneyPlacementRequest,
): TicketProblem | null {
  return firstProblem(() => {
    requireDateTime("datetime", placement.datetime);

    const operationField = MoneyPlacementRequestSchema.field.operation;
    if (hasUnknownValue(placement, operationField.number)) {
      reject("operation", "is not a known money placement operation");
    }
    if (!isFieldSet(placement, operationField)) {
      reject("operation", "is missing");
    }

    // A placement of 0.00 moves no money, so it is taken as a register bug.
    const sum = requireMoney("sum", placement.sum);
    if (sum <= 0) reject("sum", "must be greater than 0.00");
  });
}

/** Returns the first problem of a close shift request, or null. */
export function validateCloseShift(
  closeShift: CloseShiftRequest,
): TicketProblem | null {
  return firstProblem(() => {
    requireDateTime("close_time", closeShift.closeTime);
  });
}
