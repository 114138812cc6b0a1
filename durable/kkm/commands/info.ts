/**
 * COMMAND_INFO: the register's start-up call. It gets the shift state as a
 * report; the exchange adds the registration to the service block. The
 * token stays.
 */
import { makeResponse } from "../../../proto/codec";
import { CommandTypeEnum, ResultTypeEnum } from "../../../proto/messages";
import { localTimeText } from "../clock";
import type { CommandOutcome, ExchangeContext } from "../context";
import { currentState } from "../shift-report";

export function handleInfo(context: ExchangeContext): CommandOutcome {
  const { registration, store, now } = context;
  const localNow = localTimeText(now, registration.timeZone);

  const response = makeResponse({
    command: CommandTypeEnum.COMMAND_INFO,
    result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
    report: currentState(store, localNow),
  });
  return { kind: "service", response };
}
