/**
 * The first problem found in a document, as the result code and text of the
 * server's reply, and helpers that stop a check at that problem.
 */
import type { DateTime, Money } from "../../proto/messages";
import { toLocalText } from "./date-time";
import { toTiyn } from "./money";

/**
 * 13 is RESULT_TYPE_INCORRECT_REQUEST_DATA, 17 is
 * RESULT_TYPE_SAME_TAXPAYER_AND_CUSTOMER. `field` is the proto path of the
 * offending value, e.g. "items[0].commodity.sum" (indexes from 0).
 */
export interface TicketProblem {
  resultCode: 13 | 17;
  field: string;
  message: string;
}

/** Thrown inside a validator to stop at the first problem. */
export class ProblemError extends Error {
  constructor(readonly problem: TicketProblem) {
    super(problem.message);
  }
}

/** Stops validation with result 13; the message starts with the field path. */
export function reject(field: string, problem: string): never {
  throw new ProblemError({
    resultCode: 13,
    field,
    message: `${field} ${problem}`,
  });
}

/** Runs `check` and returns the problem it stopped at, or null. */
export function firstProblem(check: () => void): TicketProblem | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
}

/** Tiyn of a required amount; rejects a missing amount or coins above 99. */
export function requireMoney(field: string, money: Money | undefined): number {
  if (!money) reject(field, "is missing");
  if (money.coins > 99) reject(field, `coins ${money.coins} must be 0..99`);
  try {
    return toTiyn(money);
  } catch (error) {
    return reject(field, `is invalid: ${(error as Error).message}`);
  }
}

/** Local time text of a required date and time; rejects a bad one. */
export function requireDateTime(
  field: string,
  value: DateTime | undefined,
): string {
  if (!value) reject(field, "is missing");
  try {
    return toLocalText(value);
  } catch (error) {
    return reject(field, `is invalid: ${(error as Error).message}`);
  }
}

/** Checks whether a closed proto2 enum field was sent with an unknown value. */
export function hasUnknownValue(
  message: { $unknown?: { no: number }[] },
  fieldNumber: number,
): boolean {
  return message.$unknown?.some((field) => field.no === fieldNumber) ?? false;
}
