/** COMMAND_AUTH: checks a cashier's login and password. */
import { CommandTypeEnum, ResultTypeEnum } from "../../../proto/messages";
import type { CommandOutcome, ExchangeContext } from "../context";
import { resultOnly } from "../reply";

export async function handleAuth(
  _context: ExchangeContext,
): Promise<CommandOutcome> {
  return {
    kind: "service",
    response: resultOnly(
      CommandTypeEnum.COMMAND_AUTH,
      ResultTypeEnum.RESULT_TYPE_UNSUPPORTED_COMMAND,
      "cashier login is not available yet",
    ),
  };
}
