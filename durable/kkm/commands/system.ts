/**
 * COMMAND_SYSTEM: the register's ping, also used to report an autonomous
 * period after the link comes back. The token never changes here.
 */
import { CommandTypeEnum } from "../../../proto/messages";
import type { CommandOutcome, ExchangeContext } from "../context";
import { ok } from "../reply";

export function handleSystem(_context: ExchangeContext): CommandOutcome {
  return { kind: "service", response: ok(CommandTypeEnum.COMMAND_SYSTEM) };
}
