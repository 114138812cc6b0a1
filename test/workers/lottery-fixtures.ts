// Helpers of the lottery suites: a KKM that sells dated receipts, draws
// announced by an operator, public requests from distinct addresses, and
// moving a draw's period into the past as if the days had gone by.
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  ResultTypeEnum,
  TicketRequest_ParentTicketSchema,
  type TicketRequestSchema,
} from "../../proto/messages";
import { lotteryDraws } from "../../worker/db/schema-lottery";
import { almatyDate } from "../../worker/domain/lottery/period";
import { money, saleTicket } from "./frames";
import { registeredKkm } from "./harness";
import { call, type ApiResult, type Session } from "./portal/client";
import { TestRegister } from "./session-client";

/** Returns the Asia/Almaty date `days` from today, `YYYY-MM-DD`. */
export function almatyDay(days: number): string {
  const today = new Date(`${almatyDate(new Date())}T00:00:00Z`);
  return new Date(today.getTime() + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** A receipt sold by the test KKM, with the fields of its QR link. */
export interface SoldReceipt {
  fiscalSign: string;
  kgdNumber: string;
  /** Total in tenge, as in the QR link. */
  sum: string;
  /** Local date-time, `yyyyMMddTHHmmss`. */
  time: string;
  qrUrl: string;
}

/** Registers a KKM of a fresh organisation that sells receipts on chosen days. */
export async function sellingKkm() {
  const kkm = await registeredKkm();
  const register = new TestRegister(kkm.kkmId, kkm.token);

  /**
   * Sells one receipt of `tiyn` at 12:30:05 local time on `day`; with
   * `refundOf`, makes a sale return of that receipt instead.
   */
  async function sell(
    tiyn: number,
    day: string,
    refundOf?: SoldReceipt,
  ): Promise<SoldReceipt> {
    const [year, month, date] = day.split("-").map(Number) as [
      number,
      number,
      number,
    ];
    const at = { year, month, day: date, hour: 12, minute: 30, second: 5 };
    const ticket: MessageInitShape<typeof TicketRequestSchema> = refundOf
      ? {
          ...saleTicket(tiyn, at, OperationTypeEnum.OPERATION_SELL_RETURN),
          parentTicket: create(
            TicketRequest_ParentTicketSchema,
            parentOf(refundOf),
          ),
        }
      : saleTicket(tiyn, at);
    const response = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket,
    });
    if (response.result?.resultCode !== ResultTypeEnum.RESULT_TYPE_OK) {
      throw new Error(`sale failed: ${JSON.stringify(response.result)}`);
    }
    const sum = `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, "0")}`;
    const time = `${day.replace(/-/g, "")}T123005`;
    const fiscalSign = response.ticket!.ticketNumber;
    return {
      fiscalSign,
      kgdNumber: kkm.kgdNumber,
      sum,
      time,
      qrUrl: `https://ofd.example/check?i=${fiscalSign}&f=${kkm.kgdNumber}&s=${sum}&t=${time}`,
    };
  }

  return { ...kkm, sell };
}

/** The parent ticket reference of a return of `sold`. */
function parentOf(sold: SoldReceipt) {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(
    sold.time,
  )!;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map(Number) as [number, number, number, number, number, number];
  const [tenge, coins] = sold.sum.split(".").map(Number) as [number, number];
  return {
    parentTicketNumber: sold.fiscalSign,
    parentTicketDataTime: {
      date: { year, month, day },
      time: { hour, minute, second },
    },
    kgdKkmId: sold.kgdNumber,
    parentTicketTotal: money(tenge * 100 + coins),
    parentTicketIsOffline: false,
  };
}

/** Fields of a draw open from 5 days ago to today, 3 prizes, 500 tenge minimum. */
export function drawFields(overrides: Record<string, unknown> = {}) {
  return {
    title: "Winter draw",
    rulesText: "Sale receipts of at least 500 tenge take part.",
    periodFrom: almatyDay(-5),
    periodTo: almatyDay(0),
    prizeCount: 3,
    minReceiptTotal: 50_000,
    ...overrides,
  };
}

/** Announces a draw as `operator`; returns its id. */
export async function createdDraw(
  operator: Session,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await call("POST", "/api/operator/lottery/draws", {
    session: operator,
    body: drawFields(overrides),
  });
  if (result.status !== 201) {
    throw new Error(
      `draw creation returned ${result.status}: ${JSON.stringify(result.body)}`,
    );
  }
  return result.body.draw.id;
}

let addressCounter = 0;

/** Sends a public request from a new client address, clear of the rate limit. */
export function publicCall(
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult> {
  addressCounter += 1;
  const address = `10.30.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
  return call(method, path, { body, headers: { "cf-connecting-ip": address } });
}

/**
 * Moves a draw's period to end yesterday, as if its last day had passed.
 * The tests cannot wait for midnight in Asia/Almaty, and the Worker reads
 * the real clock.
 */
export async function endPeriod(drawId: string): Promise<void> {
  await drizzle(env.DB)
    .update(lotteryDraws)
    .set({ periodFrom: almatyDay(-6), periodTo: almatyDay(-1) })
    .where(eq(lotteryDraws.id, drawId));
}

/** SHA-256 hex of `text`, as the operator computes the commitment. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(text),
  );
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}
