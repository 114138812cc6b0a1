/**
 * Encodes and decodes message bodies in the protocol version of the frame.
 *
 * The server works on the 2.0.3 messages. Versions 2.0.2 and 2.0.3 agree on
 * every field number except OrgRegInfo field 6 (an int32 tenant id in 2.0.2,
 * the Kazakh address string in 2.0.3), so a 2.0.2 body is decoded with the
 * 2.0.2 schema and carried over through the wire format with that one field
 * moved, and a response for a 2.0.2 register is carried back the same way.
 */
import {
  clearField,
  clone,
  create,
  isFieldSet,
  fromBinary,
  toBinary,
  type MessageInitShape,
} from "@bufbuild/protobuf";
import * as v202 from "./gen/kkm/v202/message_pb.js";
import * as v202Service from "./gen/kkm/v202/service_pb.js";
import { OrgRegInfoSchema } from "./gen/kkm/v203/service_pb.js";
import {
  CommandTypeEnum,
  RequestSchema,
  ResponseSchema,
  type Request,
  type Response,
} from "./gen/kkm/v203/message_pb.js";
import type { ProtocolVersion } from "./frame";

/** Reason a request body could not be used. */
export type DecodeFailure =
  | { reason: "malformed"; detail: string }
  | { reason: "no-command" }
  | { reason: "unknown-command"; command: number };

export type DecodeResult =
  { ok: true; request: Request } | { ok: false; failure: DecodeFailure };

/** Decodes a request body sent in `version`. Decoding errors are returned
 * as a failure, not thrown. */
export function decodeRequest(
  version: ProtocolVersion,
  body: Uint8Array,
): DecodeResult {
  let request: Request;
  try {
    request =
      version === 202 ? requestFrom202(body) : fromBinary(RequestSchema, body);
  } catch (error) {
    return {
      ok: false,
      failure: { reason: "malformed", detail: errorMessage(error) },
    };
  }

  // Proto2 enums are closed: an unknown command value is kept as an unknown
  // field and `command` reads as COMMAND_SYSTEM, which must not happen.
  const unknownCommand = request.$unknown?.find((field) => field.no === 1);
  if (unknownCommand) {
    return {
      ok: false,
      failure: {
        reason: "unknown-command",
        command: readVarint(unknownCommand.data),
      },
    };
  }
  if (!Object.hasOwn(request, "command")) {
    return { ok: false, failure: { reason: "no-command" } };
  }
  return { ok: true, request };
}

/** Encodes a response body for a register that speaks `version`. */
export function encodeResponse(
  version: ProtocolVersion,
  response: Response,
): Uint8Array {
  if (version === 203) return toBinary(ResponseSchema, response);

  const copy = clone(ResponseSchema, response);
  const org = copy.service?.regInfo?.org;
  const tenantId =
    org && isFieldSet(org, OrgRegInfoSchema.field.tenantId)
      ? org.tenantId
      : undefined;
  if (org) {
    clearField(org, OrgRegInfoSchema.field.addressKz);
    clearField(org, OrgRegInfoSchema.field.tenantId);
  }
  const legacy = fromBinary(
    v202.ResponseSchema,
    toBinary(ResponseSchema, copy),
  );
  const legacyOrg = legacy.service?.regInfo?.org;
  if (legacyOrg && tenantId !== undefined) legacyOrg.tenantId = tenantId;

  // Fields that 2.0.2 does not define are left out rather than sent as
  // unknown fields.
  return toBinary(v202.ResponseSchema, legacy, { writeUnknownFields: false });
}

/** Builds a 2.0.3 response message from a plain object. */
export function makeResponse(
  init: MessageInitShape<typeof ResponseSchema>,
): Response {
  return create(ResponseSchema, init);
}

/**
 * Reads the command of a request body without decoding the rest, for the
 * gateway's own responses. Returns COMMAND_SYSTEM when the body has none.
 */
export function peekCommand(body: Uint8Array): CommandTypeEnum {
  // Field 1, wire type 0 is the tag byte 0x08; real encoders write it first.
  if (body.length >= 2 && body[0] === 0x08) {
    const command = readVarint(body.subarray(1));
    if (command in CommandTypeEnum) return command;
  }
  return CommandTypeEnum.COMMAND_SYSTEM;
}

function requestFrom202(body: Uint8Array): Request {
  const legacy = fromBinary(v202.RequestSchema, body);
  const org = legacy.service?.regInfo?.org;
  // The 2.0.2 tenant id is unused, and dropping it frees field 6 for 2.0.3.
  if (org) clearField(org, v202Service.OrgRegInfoSchema.field.tenantId);
  // Fields 2.0.2 does not define stay out, so a 2.0.2 register cannot send
  // 2.0.3-only blocks such as parent_ticket.
  return fromBinary(
    RequestSchema,
    toBinary(v202.RequestSchema, legacy, { writeUnknownFields: false }),
  );
}

function readVarint(bytes: Uint8Array): number {
  let value = 0;
  let shift = 0;
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
    if (shift > 49) break;
  }
  return value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
