import { describe, expect, it } from "vitest";
import {
  decideExchange,
  type LastExchange,
} from "../../../durable/kkm/exchange-rules";
import { CommandTypeEnum as C } from "../../../proto/messages";

const ISSUED = 4_000_000_001;
const LAST: LastExchange = {
  token: 123,
  reqNum: 10,
  command: C.COMMAND_TICKET,
};

describe("decideExchange", () => {
  it.each([
    [
      "retransmission",
      { token: 123, reqNum: 10, command: C.COMMAND_TICKET },
      LAST,
      "retransmission",
    ],
    [
      "retry with another command",
      { token: 123, reqNum: 10, command: C.COMMAND_CLOSE_SHIFT },
      LAST,
      9,
    ],
    [
      "new token, old REQNUM",
      { token: ISSUED, reqNum: 10, command: C.COMMAND_TICKET },
      LAST,
      8,
    ],
    [
      "stale token, new REQNUM",
      { token: 123, reqNum: 11, command: C.COMMAND_TICKET },
      LAST,
      2,
    ],
    ["token 0", { token: 0, reqNum: 11, command: C.COMMAND_TICKET }, LAST, 2],
    [
      "issued token, new REQNUM",
      { token: ISSUED, reqNum: 11, command: C.COMMAND_TICKET },
      LAST,
      "accept",
    ],
    [
      "first document",
      { token: ISSUED, reqNum: 10, command: C.COMMAND_TICKET },
      null,
      "accept",
    ],
    [
      "money placement accepted",
      { token: ISSUED, reqNum: 12, command: C.COMMAND_MONEY_PLACEMENT },
      LAST,
      "accept",
    ],
    [
      "service with issued token",
      { token: ISSUED, reqNum: 10, command: C.COMMAND_INFO },
      LAST,
      "accept",
    ],
    [
      "service with old token",
      { token: 123, reqNum: 10, command: C.COMMAND_SYSTEM },
      LAST,
      2,
    ],
    [
      "report with wrong token",
      { token: 5, reqNum: 1, command: C.COMMAND_REPORT },
      null,
      2,
    ],
    [
      "auth with issued token",
      { token: ISSUED, reqNum: 1, command: C.COMMAND_AUTH },
      null,
      "accept",
    ],
  ] as const)("%s", (_name, incoming, last, expected) => {
    const decision = decideExchange(incoming, ISSUED, last);
    const outcome =
      decision.kind === "reject" ? decision.resultCode : decision.kind;
    expect(outcome).toBe(expected);
  });

  it("explains result 8", () => {
    const decision = decideExchange(
      { token: ISSUED, reqNum: 10, command: C.COMMAND_TICKET },
      ISSUED,
      LAST,
    );
    expect(decision).toEqual({
      kind: "reject",
      resultCode: 8,
      message:
        "REQNUM 10 was used by the last document with another token; increment REQNUM",
    });
  });
});
