/**
 * COMMAND_INFO: the register's start-up call. It gets the shift state as a
 * report and its registration in the service block; the token stays.
 */
import { makeResponse } from "../../../proto/codec";
import { CommandTypeEnum, ResultTypeEnum } from "../../../proto/messages";
import { localTimeText } from "../clock";
import type { CommandOutcome, ExchangeContext } from "../context";
import { regInfoOf } from "../reg-info";
import { currentState } from "../shift-report";

export function handleInfo(context: ExchangeContext): CommandOutcome {
  const { registration, store, now } = context;
  const localNow = localTimeText(now, registration.timeZone);

  const response = makeResponse({
    command: CommandTypeEnum.COMMAND_INFO,
    result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
    report: currentState(store, localNow),
    service: { regInfo: regInfoOf(registration) },
  });
  return { kind: "service", response };
}
