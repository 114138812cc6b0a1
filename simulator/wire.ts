/**
 * Request and response bodies in the protocol version of the register.
 *
 * The simulator builds 2.0.3 messages. For a 2.0.2 register the body is
 * re-read with the 2.0.2 schema and written without unknown fields, which
 * drops everything 2.0.3 added (parent_ticket, ntin, list_excise_stamp, card
 * and mobile payment fields). OrgRegInfo field 6 is a string in 2.0.3 but an
 * int32 tenant id in 2.0.2, so it is cleared before the conversion.
 */
import {
  clearField,
  clone,
  fromBinary,
  isFieldSet,
  toBinary,
} from "@bufbuild/protobuf";
import * as v202 from "../proto/gen/kkm/v202/message_pb.js";
import * as v202Service from "../proto/gen/kkm/v202/service_pb.js";
import {
  OrgRegInfoSchema,
  RequestSchema,
  ResponseSchema,
  type Request,
  type Response,
} from "../proto/messages";

/** Protocol versions the simulator speaks, as written in the header. */
export type SimulatorProtocol = 202 | 203;

/** Encodes a request body for a register that speaks `version`. */
export function encodeRequestBody(
  version: SimulatorProtocol,
  request: Request,
): Uint8Array {
  if (version === 203) return toBinary(RequestSchema, request);

  const copy = clone(RequestSchema, request);
  const org = copy.service?.regInfo?.org;
  if (org && isFieldSet(org, OrgRegInfoSchema.field.addressKz)) {
    clearField(org, OrgRegInfoSchema.field.addressKz);
  }
  const legacy = fromBinary(v202.RequestSchema, toBinary(RequestSchema, copy));
  return toBinary(v202.RequestSchema, legacy, { writeUnknownFields: false });
}

/** Decodes a response body sent in `version` into the 2.0.3 message. */
export function decodeResponseBody(
  version: number,
  body: Uint8Array,
): Response {
  if (version !== 202) return fromBinary(ResponseSchema, body);

  const legacy = fromBinary(v202.ResponseSchema, body);
  const org = legacy.service?.regInfo?.org;
  // The 2.0.2 tenant id would clash with the 2.0.3 string in field 6.
  if (org) clearField(org, v202Service.OrgRegInfoSchema.field.tenantId);
  return fromBinary(ResponseSchema, toBinary(v202.ResponseSchema, legacy));
}

/** Decodes a request body sent in `version` into the 2.0.3 message. */
export function decodeRequestBody(version: number, body: Uint8Array): Request {
  if (version !== 202) return fromBinary(RequestSchema, body);

  const legacy = fromBinary(v202.RequestSchema, body);
  const org = legacy.service?.regInfo?.org;
  if (org) clearField(org, v202Service.OrgRegInfoSchema.field.tenantId);
  return fromBinary(RequestSchema, toBinary(v202.RequestSchema, legacy));
}
