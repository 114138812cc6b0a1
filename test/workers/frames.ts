// Builders of request frames for tests, independent of the simulator.
import {
  create,
  fromBinary,
  toBinary,
  type MessageInitShape,
} from "@bufbuild/protobuf";
import {
  splitFrame,
  writeFrame,
  type ProtocolVersion,
} from "../../proto/frame";
import * as v202 from "../../proto/gen/kkm/v202/message_pb.js";
import {
  CommandTypeEnum,
  DomainTypeEnum,
  OperationTypeEnum,
  PaymentTypeEnum,
  RequestSchema,
  ResponseSchema,
  TicketRequest_Item_ItemTypeEnum,
  type Response,
  type TicketRequestSchema,
} from "../../proto/messages";

export interface FrameTarget {
  kkmId: number;
  token: number;
  reqNum: number;
  version?: ProtocolVersion;
}

/** A request frame for `target` with the given request body. */
export function requestFrame(
  target: FrameTarget,
  init: MessageInitShape<typeof RequestSchema>,
): Uint8Array {
  const version = target.version ?? 203;
  const body =
    version === 202
      ? toBinary(v202.RequestSchema, create(v202.RequestSchema, init as never))
      : toBinary(RequestSchema, create(RequestSchema, init));
  return writeFrame({ ...target, version }, body);
}

/** The money init of `tiyn`. */
export function money(tiyn: number) {
  return { bills: BigInt(Math.floor(tiyn / 100)), coins: tiyn % 100 };
}

/** A one-line cash sale of `tiyn`, paid exactly, dated `at`. */
export function saleTicket(
  tiyn: number,
  at = { year: 2026, month: 12, day: 4, hour: 12, minute: 30, second: 0 },
  operation = OperationTypeEnum.OPERATION_SELL,
): MessageInitShape<typeof TicketRequestSchema> {
  return {
    operation,
    dateTime: {
      date: { year: at.year, month: at.month, day: at.day },
      time: { hour: at.hour, minute: at.minute, second: at.second },
    },
    operator: { code: 1, name: "Cashier" },
    domain: { type: DomainTypeEnum.DOMAIN_TRADING },
    items: [
      {
        type: TicketRequest_Item_ItemTypeEnum.ITEM_TYPE_COMMODITY,
        commodity: {
          name: "Bread",
          sectionCode: "1",
          quantity: 1000n,
          price: money(tiyn),
          sum: money(tiyn),
          measureUnitCode: "796",
        },
      },
    ],
    payments: [{ type: PaymentTypeEnum.PAYMENT_CASH, sum: money(tiyn) }],
    amounts: { total: money(tiyn), taken: money(tiyn), change: money(0) },
  };
}

/** A COMMAND_TICKET request with a one-line sale. */
export function sellRequest(
  tiyn: number,
): MessageInitShape<typeof RequestSchema> {
  return { command: CommandTypeEnum.COMMAND_TICKET, ticket: saleTicket(tiyn) };
}

/** Splits a response frame and decodes its 2.0.3 body. */
export function readResponse(frame: Uint8Array | null): {
  header: ReturnType<typeof splitFrame>["header"];
  response: Response;
} {
  if (!frame) throw new Error("expected a response frame, got none");
  const { header, body } = splitFrame(frame);
  return { header, response: fromBinary(ResponseSchema, body) };
}
