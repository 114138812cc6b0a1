// One KKM works a whole day: 200 receipts online, deposits and
// withdrawals, an X report at midday, 50 receipts resent from autonomous
// mode, the close, and the first receipt of the next shift. Every report is
// compared field by field with DayModel, an independent calculation.
import type { MessageInitShape } from "@bufbuild/protobuf";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  type RequestSchema,
  type Response,
  type ServiceRequestSchema,
  type ZXReport,
} from "../../proto/messages";
import {
  DayModel,
  expectReport,
  figuresOf,
  type LocalTime,
  type ReportFigures,
} from "./day-model";
import {
  closeShiftRequest,
  laterBy,
  offlinePeriod,
  placementRequest,
  reportRequest,
  ScenarioGenerator,
  ticketRequest,
  type DayStep,
} from "./day-scenario";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

const SEED = 20261203;
const DAY_START = "2026-12-03T08:00:00";
const ONLINE_RECEIPTS = 200;
const MIDDAY_RECEIPTS = 100;
const OFFLINE_RECEIPTS = 50;
const FIRST_OFFLINE_NUMBER = 1001;
/** REQNUMs the queued documents got while the register was offline. */
const FIRST_QUEUED_REQNUM = 700;
/** REQNUMs of the pings after reconnecting, above the queued ones. */
const FIRST_PING_REQNUM = 1000;

interface ReportPair {
  actual: ZXReport | undefined;
  expected: ReportFigures;
}

interface DayRun {
  /** Documents the server did not accept, with result code and text. */
  rejected: string[];
  /** Fiscal signs by receipt index. */
  signs: string[];
  middayX: ReportPair;
  z: ReportPair;
  nextX: ReportPair;
}

async function runDay(): Promise<DayRun> {
  const kkm = await registeredKkm();
  const register = new TestRegister(kkm.kkmId, kkm.token);
  const generator = new ScenarioGenerator(SEED, DAY_START);
  const model = new DayModel();
  const rejected: string[] = [];
  const signs: string[] = [];

  const send = async (
    label: string,
    request: MessageInitShape<typeof RequestSchema>,
    reqNum?: number,
  ): Promise<Response | null> => {
    const response = await register.send(request, reqNum);
    const code = response.result?.resultCode;
    if (code === 0) return response;
    rejected.push(`${label}: result ${code} ${response.result?.resultText}`);
    return null;
  };

  const sendStep = async (
    step: DayStep,
    service?: MessageInitShape<typeof ServiceRequestSchema>,
    reqNum?: number,
  ): Promise<void> => {
    if (step.kind === "placement") {
      const request = placementRequest(step.placement, service);
      const label = `placement at ${step.placement.time}`;
      if (await send(label, request, reqNum)) {
        model.addPlacement(step.placement);
      }
      return;
    }
    const receipt = step.receipt;
    const parentSign = receipt.parent
      ? (signs[receipt.parent.receiptIndex] ?? null)
      : null;
    const request = {
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: ticketRequest(receipt, parentSign, kkm.kgdNumber),
      service,
    };
    const label = `receipt ${receipt.index} at ${receipt.time}`;
    const response = await send(label, request, reqNum);
    if (!response) return;
    signs[receipt.index] = response.ticket?.ticketNumber ?? "";
    model.addReceipt(receipt);
  };

  const report = async (at: LocalTime, label: string) => {
    const response = await send(label, reportRequest(at, "X"));
    return response?.report?.zxReport;
  };

  // Online part, with an X report after the first half of the receipts.
  const online = generator.onlineDay(ONLINE_RECEIPTS);
  let middayX: ReportPair | null = null;
  for (const step of online) {
    await sendStep(step);
    if (step.kind === "receipt" && step.receipt.index === MIDDAY_RECEIPTS - 1) {
      const at = laterBy(step.receipt.time, 30);
      middayX = {
        actual: await report(at, "midday X report"),
        expected: model.xReport(at),
      };
    }
  }

  // Autonomous part: receipts and one placement queued offline.
  const offlineBegin = generator.advance(300, 600);
  const queue: DayStep[] = [];
  for (let i = 0; i < OFFLINE_RECEIPTS; i++) {
    generator.advance(60, 180);
    if (i === 20) {
      queue.push({ kind: "placement", placement: generator.placement(true) });
    }
    const offlineNumber = FIRST_OFFLINE_NUMBER + i;
    queue.push({
      kind: "receipt",
      receipt: generator.receipt({ offlineNumber }),
    });
  }

  // Back online: a ping, then the queue in order with the REQNUMs it was
  // given offline, and one more ping halfway.
  const reconnect = generator.advance(600, 900);
  await send(
    "first ping",
    {
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: offlinePeriod(offlineBegin, reconnect),
    },
    FIRST_PING_REQNUM,
  );
  for (const [position, step] of queue.entries()) {
    if (position === queue.length / 2) {
      await send(
        "second ping",
        {
          command: CommandTypeEnum.COMMAND_SYSTEM,
          service: offlinePeriod(offlineBegin, laterBy(reconnect, position)),
        },
        FIRST_PING_REQNUM + 1,
      );
    }
    const period = offlinePeriod(offlineBegin, laterBy(reconnect, position));
    await sendStep(step, period, FIRST_QUEUED_REQNUM + position);
  }

  const closeAt = generator.advance(300, 600);
  const closed = await send(
    "close shift",
    closeShiftRequest(closeAt),
    FIRST_PING_REQNUM + 2,
  );
  const z = {
    actual: closed?.report?.zxReport,
    expected: model.closeShift(closeAt),
  };

  // The next morning: the first receipt opens shift 2.
  generator.advance(12 * 3600, 13 * 3600);
  await sendStep({
    kind: "receipt",
    receipt: generator.receipt({
      operation: OperationTypeEnum.OPERATION_SELL,
    }),
  });
  const nextAt = generator.advance(60, 120);
  const nextX = {
    actual: await report(nextAt, "next shift X report"),
    expected: model.xReport(nextAt),
  };

  if (!middayX) throw new Error("the scenario made no midday X report");
  return { rejected, signs, middayX, z, nextX };
}

describe("whole day of one KKM", () => {
  let run: DayRun;

  beforeAll(async () => {
    run = await runDay();
  }, 120_000);

  it("accepts every document", () => {
    expect(run.rejected, "rejected documents").toEqual([]);
  });

  it("signs each receipt once", () => {
    const receiptCount = ONLINE_RECEIPTS + OFFLINE_RECEIPTS + 1;

    const signs = run.signs.filter((sign) => sign !== undefined);

    expect(signs, "fiscal signs").toHaveLength(receiptCount);
    for (const [index, sign] of signs.entries()) {
      expect(sign, `fiscal sign of receipt ${index}`).toMatch(/^\d{10}$/);
    }
    expect(new Set(signs).size, "distinct fiscal signs").toBe(receiptCount);
  });

  it("midday X matches the model", () => {
    expectReport(run.middayX.actual, run.middayX.expected, "X");
  });

  it("Z matches the model", () => {
    expectReport(run.z.actual, run.z.expected, "Z");
  });

  it("scenario covers every counter", () => {
    const z = run.z.expected;
    const sell = z.ticket_operations.SELL;

    expect(Object.keys(z.ticket_operations).sort(), "operations").toEqual([
      "BUY",
      "BUY_RETURN",
      "SELL",
      "SELL_RETURN",
    ]);
    expect(Object.keys(sell?.payments ?? {}).sort(), "SELL payments").toEqual([
      "CARD",
      "CASH",
      "MOBILE",
    ]);
    expect(Object.keys(z.taxes).sort(), "tax rates").toEqual([
      "100:12000",
      "100:16000",
    ]);
    expect(Object.keys(z.sections).length, "sections").toBeGreaterThan(3);
    expect(z.discounts.SELL?.count, "SELL discounts").toBeGreaterThan(0);
    expect(z.markups.SELL?.count, "SELL markups").toBeGreaterThan(0);
    expect(sell?.discount_sum, "SELL receipt discounts").toBeGreaterThan(0);
    expect(sell?.markup_sum, "SELL receipt markups").toBeGreaterThan(0);
    expect(sell?.change_sum, "SELL change").toBeGreaterThan(0);
    const offline = Object.values(z.ticket_operations).reduce(
      (sum, row) => sum + row.offline_count,
      0,
    );
    expect(offline, "offline receipts").toBe(OFFLINE_RECEIPTS);
    expect(Object.keys(z.money_placements).sort(), "placements").toEqual([
      "DEPOSIT",
      "WITHDRAWAL",
    ]);
  });

  it("next shift carries totals over", () => {
    expectReport(run.nextX.actual, run.nextX.expected, "next X");
    if (!run.z.actual || !run.nextX.actual) return;

    const z = figuresOf(run.z.actual).figures;
    const next = figuresOf(run.nextX.actual).figures;

    expect(next.shift_number, "shift_number").toBe(z.shift_number + 1);
    expect(
      next.start_shift_non_nullable_sums,
      "start_shift_non_nullable_sums",
    ).toEqual(z.non_nullable_sums);
    for (const [op, row] of Object.entries(z.ticket_operations)) {
      const added = op === "SELL" ? 1 : 0;
      expect(
        next.ticket_operations[op]?.tickets_total_count,
        `ticket_operations[${op}].tickets_total_count`,
      ).toBe(row.tickets_total_count + added);
    }
    for (const [key, row] of Object.entries(z.money_placements)) {
      expect(
        next.money_placements[key]?.operations_total_count,
        `money_placements[${key}].operations_total_count`,
      ).toBe(row.operations_total_count);
    }
  });
});
