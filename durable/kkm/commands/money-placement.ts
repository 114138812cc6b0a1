/**
 * COMMAND_MONEY_PLACEMENT: a cash deposit or withdrawal. It counts into the
 * open shift (opening one if needed) and rotates the token like a receipt.
 */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  CommandTypeEnum,
  MoneyPlacementEnum,
  MoneyPlacementRequestSchema,
  ResultTypeEnum,
} from "../../../proto/messages";
import { counterOverflow } from "../../fiscal/counter-limit";
import { applyMoneyPlacement, cashInDrawer } from "../../fiscal/counters";
import { toLocalText } from "../../fiscal/date-time";
import { formatTenge, toTiyn } from "../../fiscal/money";
import { validateMoneyPlacement } from "../../fiscal/validate-documents";
import type { CommandOutcome, ExchangeContext } from "../context";
import { ok, resultOnly } from "../reply";
import { expiredShiftText, saveShift, shiftForDocument } from "../shifts";

const COMMAND = CommandTypeEnum.COMMAND_MONEY_PLACEMENT;

export function handleMoneyPlacement(context: ExchangeContext): CommandOutcome {
  const { request, store, now } = context;
  const placement = request.moneyPlacement;
  if (!placement) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
      "money_placement is missing: COMMAND_MONEY_PLACEMENT needs Request.money_placement",
    );
  }
  const problem = validateMoneyPlacement(placement);
  if (problem) return reject(problem.resultCode, problem.message);

  const localTime = toLocalText(placement.datetime);
  const amount = toTiyn(placement.sum);
  const placed = shiftForDocument(store, localTime, now, placement.isOffline);
  if ("expired" in placed) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_OPEN_SHIFT_TIMEOUT_EXPIRED,
      expiredShiftText(placed.expired),
    );
  }
  const { shift } = placed;

  // An autonomous register checked its own drawer when it paid out, and it
  // is blocked by any refusal of a queued document, so only online
  // withdrawals are held to the server's cash figure.
  const cash = cashInDrawer(shift.counters);
  const isWithdrawal =
    placement.operation === MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL;
  if (isWithdrawal && !placement.isOffline && amount > cash) {
    return reject(
      ResultTypeEnum.RESULT_TYPE_NOT_ENOUGH_CASH,
      `withdrawal of ${formatTenge(amount)} exceeds the ${formatTenge(cash)} in the drawer`,
    );
  }

  const counters = applyMoneyPlacement(shift.counters, placement);
  const overflow = counterOverflow(counters);
  if (overflow) {
    return reject(ResultTypeEnum.RESULT_TYPE_INCORRECT_REQUEST_DATA, overflow);
  }
  const registerShift = isFieldSet(
    placement,
    MoneyPlacementRequestSchema.field.frShiftNumber,
  )
    ? placement.frShiftNumber
    : null;
  return {
    kind: "document",
    response: ok(COMMAND),
    commit: () => saveShift(store, shift, counters, registerShift, now),
  };
}

function reject(resultCode: ResultTypeEnum, message: string): CommandOutcome {
  return {
    kind: "service",
    response: resultOnly(COMMAND, resultCode, message),
  };
}
