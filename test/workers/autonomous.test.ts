// Documents a register made in autonomous mode and sends from its queue
// once it is back online: past dates, REQNUMs lower than those of the
// pings before them, resends, and shifts open for more than 24 hours.
import type { MessageInitShape } from "@bufbuild/protobuf";
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  CommandTypeEnum,
  OperationTypeEnum,
  ReportTypeEnum,
  ResultTypeEnum,
  type ServiceRequestSchema,
} from "../../proto/messages";
import type { KkmSession } from "../../durable/kkm-session";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import {
  DayModel,
  expectReport,
  type LocalTime,
  type ReceiptPlan,
} from "./day-model";
import {
  closeShiftRequest,
  laterBy,
  offlinePeriod,
  placementRequest,
  reportRequest,
  ScenarioGenerator,
  ticketRequest,
} from "./day-scenario";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

const SELL = OperationTypeEnum.OPERATION_SELL;
const OFFLINE_BEGIN = "2026-12-02T10:00:00";
const RECONNECT = "2026-12-02T14:00:00";

async function newRegister() {
  const kkm = await registeredKkm();
  return { kkm, register: new TestRegister(kkm.kkmId, kkm.token) };
}

function ticketCommand(
  receipt: ReceiptPlan,
  kgdNumber: string,
  service?: MessageInitShape<typeof ServiceRequestSchema>,
) {
  return {
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: ticketRequest(receipt, null, kgdNumber),
    service,
  };
}

function ping(end: LocalTime = RECONNECT) {
  return {
    command: CommandTypeEnum.COMMAND_SYSTEM,
    service: offlinePeriod(OFFLINE_BEGIN, end),
  };
}

/** Ages the open shift: opened 25 hours ago by the server's clock. */
async function ageOpenShift(kkmId: number): Promise<void> {
  const openedAt = new Date(Date.now() - 25 * 3_600_000).toISOString();
  await runInDurableObject(
    kkmSession(env, kkmId),
    (_instance: KkmSession, state) => {
      state.storage.sql.exec(
        "UPDATE shifts SET opened_at = ? WHERE closed_at IS NULL",
        openedAt,
      );
    },
  );
}

describe("autonomous receipts", () => {
  it("accepts lower REQNUMs and past dates", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(21, "2026-12-02T10:05:00");
    const model = new DayModel();
    const queue = [1001, 1002, 1003].map((offlineNumber) => {
      generator.advance(60, 300);
      return generator.receipt({ offlineNumber, operation: SELL });
    });
    await register.send(ping(), 1000);
    await register.send(ping(laterBy(RECONNECT, 5)), 1001);

    const responses = [];
    for (const [position, receipt] of queue.entries()) {
      const period = offlinePeriod(OFFLINE_BEGIN, laterBy(RECONNECT, 10));
      responses.push(
        await register.send(
          ticketCommand(receipt, kkm.kgdNumber, period),
          900 + position,
        ),
      );
      model.addReceipt(receipt);
    }
    const x = await register.send(reportRequest(RECONNECT, "X"));

    const signs = responses.map((response) => response.ticket?.ticketNumber);
    for (const [position, response] of responses.entries()) {
      expect(response.result?.resultCode, `receipt ${position} result`).toBe(0);
      expect(signs[position], `receipt ${position} fiscal sign`).toMatch(
        /^\d{10}$/,
      );
    }
    expect(new Set(signs).size, "distinct fiscal signs").toBe(3);
    expectReport(x.report?.zxReport, model.xReport(RECONNECT), "X");
  });

  it("counts a resent receipt once", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(22, "2026-12-02T11:00:00");
    const model = new DayModel();
    const receipt = generator.receipt({ offlineNumber: 1001, operation: SELL });
    const period = offlinePeriod(OFFLINE_BEGIN, RECONNECT);

    const first = await register.send(
      ticketCommand(receipt, kkm.kgdNumber, period),
      900,
    );
    const again = await register.send(
      ticketCommand(receipt, kkm.kgdNumber, period),
      905,
    );
    model.addReceipt(receipt);
    const x = await register.send(reportRequest(RECONNECT, "X"));
    const status = await kkmSession(env, kkm.kkmId).getStatus();

    expect(first.result?.resultCode, "first result").toBe(0);
    expect(again.result?.resultCode, "resend result").toBe(0);
    expect(again.ticket?.ticketNumber, "resend fiscal sign").toBe(
      first.ticket?.ticketNumber,
    );
    expect(status.receiptCount, "stored receipts").toBe(1);
    const sells = x.report?.zxReport?.ticketOperations.find(
      (row) => row.operation === SELL,
    );
    expect(sells?.ticketsCount, "SELL tickets_count").toBe(1);
    expect(sells?.offlineCount, "SELL offline_count").toBe(1);
    expectReport(x.report?.zxReport, model.xReport(RECONNECT), "X");
  });

  it("accepts offline close, report, placement", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(23, "2026-12-02T10:30:00");
    const model = new DayModel();
    const receipt = generator.receipt({ offlineNumber: 1001, operation: SELL });
    generator.advance(60, 120);
    const deposit = generator.deposit(500_000, true);
    generator.advance(60, 120);
    const withdrawal = generator.placement(true);
    const xAt = generator.advance(60, 120);
    const closeAt = generator.advance(60, 120);
    const period = offlinePeriod(OFFLINE_BEGIN, RECONNECT);

    const sold = await register.send(
      ticketCommand(receipt, kkm.kgdNumber, period),
      900,
    );
    model.addReceipt(receipt);
    const deposited = await register.send(
      placementRequest(deposit, period),
      901,
    );
    model.addPlacement(deposit);
    const withdrawn = await register.send(
      placementRequest(withdrawal, period),
      902,
    );
    model.addPlacement(withdrawal);
    const x = await register.send(reportRequest(xAt, "X", true, period), 903);
    const expectedX = model.xReport(xAt);
    const closed = await register.send(
      closeShiftRequest(closeAt, true, period),
      904,
    );

    expect(sold.result?.resultCode, "receipt result").toBe(0);
    expect(deposited.result?.resultCode, "deposit result").toBe(0);
    expect(withdrawn.result?.resultCode, "withdrawal result").toBe(0);
    expect(x.result?.resultCode, "X report result").toBe(0);
    expect(closed.result?.resultCode, "close shift result").toBe(0);
    expect(closed.report?.report, "close shift report type").toBe(
      ReportTypeEnum.REPORT_Z,
    );
    expectReport(x.report?.zxReport, expectedX, "X");
    expectReport(closed.report?.zxReport, model.closeShift(closeAt), "Z");
  });

  it("spares offline documents after 24 hours", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(24, "2026-12-02T09:00:00");
    const model = new DayModel();
    const opening = generator.receipt({ operation: SELL });
    generator.advance(3600, 7200);
    const queued = generator.receipt({ offlineNumber: 1001, operation: SELL });
    generator.advance(60, 120);
    const late = generator.receipt({ offlineNumber: 1002, operation: SELL });
    generator.advance(60, 120);
    const deposit = generator.deposit(300_000, true);
    generator.advance(60, 120);
    const online = generator.receipt({ operation: SELL });
    const closeAt = generator.advance(60, 120);
    const period = offlinePeriod(OFFLINE_BEGIN, RECONNECT);

    await register.send(ticketCommand(opening, kkm.kgdNumber));
    model.addReceipt(opening);
    const first = await register.send(
      ticketCommand(queued, kkm.kgdNumber, period),
      900,
    );
    model.addReceipt(queued);
    await ageOpenShift(kkm.kkmId);
    const expired = await register.send(
      ticketCommand(online, kkm.kgdNumber),
      1010,
    );
    const resent = await register.send(
      ticketCommand(queued, kkm.kgdNumber, period),
      901,
    );
    const lateResponse = await register.send(
      ticketCommand(late, kkm.kgdNumber, period),
      902,
    );
    model.addReceipt(late);
    const deposited = await register.send(
      placementRequest(deposit, period),
      903,
    );
    model.addPlacement(deposit);
    const closed = await register.send(
      closeShiftRequest(closeAt, true, period),
      904,
    );

    expect(expired.result?.resultCode, "online receipt result").toBe(
      ResultTypeEnum.RESULT_TYPE_OPEN_SHIFT_TIMEOUT_EXPIRED,
    );
    expect(resent.result?.resultCode, "resent receipt result").toBe(0);
    expect(resent.ticket?.ticketNumber, "resent fiscal sign").toBe(
      first.ticket?.ticketNumber,
    );
    expect(lateResponse.result?.resultCode, "offline receipt result").toBe(0);
    expect(deposited.result?.resultCode, "offline deposit result").toBe(0);
    expect(closed.result?.resultCode, "close shift result").toBe(0);
    expectReport(closed.report?.zxReport, model.closeShift(closeAt), "Z");
  });

  it("lists the offline episodes", async () => {
    const { kkm, register } = await newRegister();
    const generator = new ScenarioGenerator(25, "2026-12-02T10:10:00");
    const firstBegin = OFFLINE_BEGIN;
    const secondBegin = "2026-12-03T15:00:00";
    const secondEnd = "2026-12-03T15:30:00";
    const queue = [1001, 1002, 1003].map((offlineNumber) => {
      generator.advance(60, 300);
      return generator.receipt({ offlineNumber, operation: SELL });
    });

    for (const [position, receipt] of queue.entries()) {
      const end = laterBy(RECONNECT, 5 * position);
      await register.send(
        ticketCommand(receipt, kkm.kgdNumber, offlinePeriod(firstBegin, end)),
        900 + position,
      );
    }
    await register.send({
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: offlinePeriod(secondBegin, secondEnd),
    });
    const status = await kkmSession(env, kkm.kkmId).getStatus();

    expect(
      status.offlineEpisodes.map((episode) => [
        episode.beginLocal,
        episode.endLocal,
      ]),
      "offline episodes, newest first",
    ).toEqual([
      [secondBegin, secondEnd],
      [firstBegin, laterBy(RECONNECT, 10)],
    ]);
    expect(status.receiptCount, "stored receipts").toBe(3);
  });
});
