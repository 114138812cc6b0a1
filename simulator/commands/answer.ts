/** Output shared by every command that got a response from the OFD. */
import { toHex } from "../../proto/frame";
import type { CommandContext, Exchange } from "../session";
import { resultName } from "../session";

/** Reports REQNUM, result and token rotation of an exchange. */
export function describeExchange(
  context: CommandContext,
  exchange: Exchange,
): void {
  const { out } = context;
  const result = exchange.response.result;

  out.set("reqNum", exchange.header.reqNum);
  out.set("token", exchange.header.token);
  out.set("tokenRotated", exchange.tokenRotated);
  out.set("result", {
    code: result?.resultCode ?? null,
    name: resultName(result?.resultCode ?? 0),
    text: result?.resultText ?? "",
  });
  out.set("responseFrame", toHex(exchange.responseFrame));
  if (exchange.tokenRotated) out.line("Token rotated");
}
