/** COMMAND_NOMENCLATURE: the organisation's goods list. */
import { CommandTypeEnum, ResultTypeEnum } from "../../../proto/messages";
import type { CommandOutcome, ExchangeContext } from "../context";
import { resultOnly } from "../reply";

export async function handleNomenclature(
  _context: ExchangeContext,
): Promise<CommandOutcome> {
  return {
    kind: "service",
    response: resultOnly(
      CommandTypeEnum.COMMAND_NOMENCLATURE,
      ResultTypeEnum.RESULT_TYPE_UNSUPPORTED_COMMAND,
      "the goods list is not available yet",
    ),
  };
}
