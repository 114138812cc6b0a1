/**
 * `resend`: sends the last frame again byte for byte, as a register does
 * when it got no response. The OFD should reply with the stored response.
 */
import { toHex } from "../../proto/frame";
import { applyAnswer } from "../effects";
import { requireOk, resendLast, type CommandContext } from "../session";
import { describeExchange } from "./answer";

/** Retransmits the last request and compares the response with the first. */
export async function runResend(context: CommandContext): Promise<void> {
  const { state, out } = context;
  const firstResponse = state.last?.response ?? null;

  const exchange = await resendLast(context);
  describeExchange(context, exchange);

  const reply = toHex(exchange.responseFrame);
  const sameAsFirst = firstResponse === null ? null : reply === firstResponse;
  out.set("command", state.last?.command);
  out.set("firstResponse", firstResponse);
  out.set("sameAsFirst", sameAsFirst);
  out.line(
    sameAsFirst === null
      ? "First response was lost; this is the first response received"
      : sameAsFirst
        ? "Response is identical to the first response"
        : "Response differs from the first response",
  );

  requireOk(exchange);
  applyAnswer(state, state.last!, exchange.response);

  const fiscalSign = exchange.response.ticket?.ticketNumber;
  if (fiscalSign) {
    out.set("fiscalSign", fiscalSign);
    out.line(`Fiscal sign ${fiscalSign}`);
  }
}
