import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  decodeRequest,
  encodeResponse,
  makeResponse,
  peekCommand,
} from "../../../proto/codec";
import { toHex } from "../../../proto/frame";
import { saleTicket } from "../../workers/frames";
import * as v202 from "../../../proto/gen/kkm/v202/message_pb.js";
import {
  CommandTypeEnum,
  RequestSchema,
  ResponseSchema,
  TicketRequestSchema,
} from "../../../proto/messages";

const withOrg = makeResponse({
  command: CommandTypeEnum.COMMAND_INFO,
  result: { resultCode: 0 },
  service: {
    regInfo: {
      org: {
        title: "T",
        inn: "250140000013",
        addressKz: "Астана қ.",
        tenantId: 1,
      },
      pos: { title: "P", addressKz: "қ.", latitude: 43238949 },
    },
  },
});

describe("encodeResponse", () => {
  it("writes required zeros", () => {
    const response = makeResponse({
      command: CommandTypeEnum.COMMAND_SYSTEM,
      result: { resultCode: 0 },
    });
    expect(toHex(encodeResponse(203, response))).toBe("080012020800");
    expect(toHex(encodeResponse(202, response))).toBe("080012020800");
  });

  it("writes OrgRegInfo field 6 as text in 203", () => {
    const decoded = fromBinary(ResponseSchema, encodeResponse(203, withOrg));
    expect(decoded.service?.regInfo?.org?.addressKz).toBe("Астана қ.");
    expect(decoded.service?.regInfo?.org?.tenantId).toBe(1);
  });

  it("writes OrgRegInfo field 6 as varint in 202", () => {
    const bytes = encodeResponse(202, withOrg);
    const decoded = fromBinary(v202.ResponseSchema, bytes);
    const org = decoded.service?.regInfo?.org;
    expect(org?.tenantId).toBe(1);
    expect(org?.title).toBe("T");
    expect(org?.$unknown).toBeUndefined();
    // No 2.0.3-only point of sale fields reach a 2.0.2 register.
    expect(decoded.service?.regInfo?.pos?.$unknown).toBeUndefined();
    expect(decoded.service?.regInfo?.pos?.title).toBe("P");
  });

  it("does not change the message it encodes", () => {
    encodeResponse(202, withOrg);
    expect(withOrg.service?.regInfo?.org?.addressKz).toBe("Астана қ.");
  });
});

describe("decodeRequest", () => {
  it("reads a 202 org with tenant id", () => {
    const legacy = create(v202.RequestSchema, {
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: { regInfo: { org: { inn: "250140000013", tenantId: 7 } } },
    });
    const decoded = decodeRequest(202, toBinary(v202.RequestSchema, legacy));
    if (!decoded.ok)
      throw new Error(`decode failed: ${decoded.failure.reason}`);
    expect(decoded.request.service?.regInfo?.org?.inn).toBe("250140000013");
    expect(decoded.request.service?.regInfo?.org?.addressKz).toBe("");
  });

  it("skips unknown request fields", () => {
    const known = toBinary(
      RequestSchema,
      create(RequestSchema, { command: CommandTypeEnum.COMMAND_INFO }),
    );
    // Field 50 as a varint and field 51 as bytes: unknown to both versions.
    const body = new Uint8Array([
      ...known,
      0x90,
      0x03,
      0x01,
      0x9a,
      0x03,
      0x02,
      0x41,
      0x42,
    ]);
    for (const version of [202, 203] as const) {
      const decoded = decodeRequest(version, body);
      if (!decoded.ok) throw new Error(`${version}: ${decoded.failure.reason}`);
      expect(decoded.request.command).toBe(CommandTypeEnum.COMMAND_INFO);
    }
  });

  it("reports an unknown command", () => {
    const decoded = decodeRequest(203, new Uint8Array([0x08, 0x32]));
    expect(decoded).toEqual({
      ok: false,
      failure: { reason: "unknown-command", command: 50 },
    });
  });

  it("reports a body without command", () => {
    expect(decodeRequest(203, new Uint8Array())).toEqual({
      ok: false,
      failure: { reason: "no-command" },
    });
  });

  it("reports a truncated body", () => {
    const decoded = decodeRequest(
      203,
      new Uint8Array([0x08, 0x01, 0x12, 0x50, 0x01]),
    );
    if (decoded.ok) throw new Error("a truncated body decoded");
    expect(decoded.failure.reason).toBe("malformed");
  });

  it("reports a field with the wrong wire type", () => {
    // Request.ticket (field 2) sent as a varint instead of a message.
    const decoded = decodeRequest(
      203,
      new Uint8Array([0x08, 0x01, 0x10, 0x05]),
    );
    expect(decoded.ok).toBe(false);
  });
});

describe("peekCommand", () => {
  it("reads the command byte", () => {
    expect(peekCommand(new Uint8Array([0x08, 0x01, 0x12, 0x00]))).toBe(
      CommandTypeEnum.COMMAND_TICKET,
    );
  });

  it("falls back to COMMAND_SYSTEM", () => {
    expect(peekCommand(new Uint8Array([0x12, 0x00]))).toBe(
      CommandTypeEnum.COMMAND_SYSTEM,
    );
    expect(peekCommand(new Uint8Array([0x08, 0x63]))).toBe(
      CommandTypeEnum.COMMAND_SYSTEM,
    );
  });
});

describe("2.0.2 requests", () => {
  it("drop fields 2.0.2 does not define", () => {
    // The wire form of a ticket is the same in both versions; field 17
    // (parent_ticket) exists only in 2.0.3 and is appended by hand.
    const ticket = toBinary(
      TicketRequestSchema,
      create(TicketRequestSchema, saleTicket(100)),
    );
    const parentTicket = [0x8a, 0x01, 0x03, 0x0a, 0x01, 0x31];
    const inner = new Uint8Array([...ticket, ...parentTicket]);
    expect(inner.length, "one-byte length prefix").toBeLessThan(128);
    const body = new Uint8Array([0x08, 0x01, 0x12, inner.length, ...inner]);

    const legacy = decodeRequest(202, body);
    const current = decodeRequest(203, body);

    if (!legacy.ok) throw new Error(`decode failed: ${legacy.failure.reason}`);
    expect(legacy.request.ticket?.parentTicket).toBeUndefined();
    expect(legacy.request.ticket?.operation).toBe(2);
    if (!current.ok)
      throw new Error(`decode failed: ${current.failure.reason}`);
    expect(current.request.ticket?.parentTicket).toBeDefined();
  });
});
