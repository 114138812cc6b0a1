/** Builders of the answers every command shares. */
import { makeResponse } from "../../proto/codec";
import {
  CommandTypeEnum,
  ResultTypeEnum,
  type Response,
} from "../../proto/messages";

/** An answer with only a result: an error, or an OK without data. */
export function resultOnly(
  command: CommandTypeEnum,
  resultCode: ResultTypeEnum,
  resultText?: string,
): Response {
  return makeResponse({
    command,
    result:
      resultText === undefined ? { resultCode } : { resultCode, resultText },
  });
}

/** An OK answer without data. */
export function ok(command: CommandTypeEnum): Response {
  return resultOnly(command, ResultTypeEnum.RESULT_TYPE_OK);
}
