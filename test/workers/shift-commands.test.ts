import {
  env,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  CommandTypeEnum,
  MoneyPlacementEnum,
  OperationTypeEnum,
  ReportTypeEnum,
  ResultTypeEnum,
  TicketAdTypeEnum,
} from "../../proto/messages";
import type { KkmSession } from "../../durable/kkm-session";
import { kkms, organisations } from "../../worker/db/schema";
import { shiftReports, ticketAds } from "../../worker/db/schema-reports";
import { pushRegistration } from "../../worker/domain/kkm-registry";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import { money, saleTicket } from "./frames";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

const AT = {
  date: { year: 2026, month: 12, day: 4 },
  time: { hour: 18, minute: 0, second: 0 },
};

async function newRegister(): Promise<TestRegister> {
  const kkm = await registeredKkm();
  return new TestRegister(kkm.kkmId, kkm.token);
}

function sell(tiyn: number) {
  return { command: CommandTypeEnum.COMMAND_TICKET, ticket: saleTicket(tiyn) };
}

function placement(
  operation: MoneyPlacementEnum,
  tiyn: number,
  isOffline = false,
) {
  return {
    command: CommandTypeEnum.COMMAND_MONEY_PLACEMENT,
    moneyPlacement: { datetime: AT, operation, sum: money(tiyn), isOffline },
  };
}

function closeShift(extra: Record<string, unknown> = {}) {
  return {
    command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
    closeShift: { closeTime: AT, ...extra },
  };
}

function report(kind: ReportTypeEnum) {
  return {
    command: CommandTypeEnum.COMMAND_REPORT,
    report: { report: kind, dateTime: AT },
  };
}

describe("COMMAND_CLOSE_SHIFT", () => {
  it("returns the server's Z report", async () => {
    const register = await newRegister();
    await register.send(sell(100000));
    await register.send(sell(50000));
    const before = register.token;

    const response = await register.send(closeShift());

    expect(response.result?.resultCode).toBe(0);
    expect(register.token).not.toBe(before);
    const z = response.report?.zxReport;
    expect(response.report?.report).toBe(ReportTypeEnum.REPORT_Z);
    expect(z?.shiftNumber).toBe(1);
    expect(z?.cashSum).toMatchObject({ bills: 1500n, coins: 0 });
    expect(z?.revenue?.sum).toMatchObject({ bills: 1500n, coins: 0 });
    expect(z?.closeShiftTime?.time).toMatchObject({ hour: 18, minute: 0 });
    const sells = z?.ticketOperations.find(
      (row) => row.operation === OperationTypeEnum.OPERATION_SELL,
    );
    expect(sells?.ticketsCount).toBe(2);
    expect(sells?.ticketsSum).toMatchObject({ bills: 1500n, coins: 0 });
  });

  it("withdraws all cash first", async () => {
    const register = await newRegister();
    await register.send(sell(70000));

    const response = await register.send(closeShift({ withdrawMoney: true }));

    const z = response.report?.zxReport;
    expect(z?.cashSum).toMatchObject({ bills: 0n, coins: 0 });
    expect(z?.moneyPlacements).toHaveLength(1);
    expect(z?.moneyPlacements[0]?.operation).toBe(
      MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL,
    );
    expect(z?.moneyPlacements[0]?.operationsSum).toMatchObject({
      bills: 700n,
      coins: 0,
    });
  });

  it("starts the next shift on the next receipt", async () => {
    const register = await newRegister();
    await register.send(sell(100));
    await register.send(closeShift());
    await register.send(sell(200));

    const x = await register.send(report(ReportTypeEnum.REPORT_X));

    expect(x.report?.zxReport?.shiftNumber).toBe(2);
    expect(x.report?.zxReport?.cashSum).toMatchObject({ bills: 3n, coins: 0 });
    expect(x.report?.zxReport?.revenue?.sum).toMatchObject({
      bills: 2n,
      coins: 0,
    });
  });

  it("records the register's different report", async () => {
    const register = await newRegister();
    await register.send(sell(100000));
    const registerZ = {
      dateTime: AT,
      shiftNumber: 1,
      cashSum: money(90000),
      revenue: { sum: money(100000), isNegative: false },
    };

    await register.send(closeShift({ zReport: registerZ, frShiftNumber: 3 }));

    const events = await kkmSession(env, register.kkmId).listEvents(10);
    const kinds = events.map((event) => event.kind).sort();
    expect(kinds).toEqual(["report_discrepancy", "shift_number_mismatch"]);
    const mismatch = events.find(
      (event) => event.kind === "shift_number_mismatch",
    );
    expect(mismatch?.detail).toEqual({ server: 1, register: 3 });
  });
});

describe("COMMAND_REPORT", () => {
  it("returns an empty Z numbered 0 first", async () => {
    const register = await newRegister();
    const response = await register.send(report(ReportTypeEnum.REPORT_Z));
    expect(response.report?.report).toBe(ReportTypeEnum.REPORT_Z);
    expect(response.report?.zxReport?.shiftNumber).toBe(0);
    expect(response.report?.zxReport?.dateTime?.date).toMatchObject({
      year: 2026,
      month: 12,
      day: 4,
    });
  });

  it("keeps the token", async () => {
    const register = await newRegister();
    const before = register.token;
    await register.send(report(ReportTypeEnum.REPORT_X));
    expect(register.token).toBe(before);
  });

  it("returns the last Z after a close", async () => {
    const register = await newRegister();
    await register.send(sell(12345));
    await register.send(closeShift());
    const response = await register.send(report(ReportTypeEnum.REPORT_Z));
    expect(response.report?.zxReport?.shiftNumber).toBe(1);
    expect(response.report?.zxReport?.revenue?.sum).toMatchObject({
      bills: 123n,
      coins: 45,
    });
  });
});

describe("COMMAND_MONEY_PLACEMENT", () => {
  it("counts deposits into the drawer", async () => {
    const register = await newRegister();
    const response = await register.send(
      placement(MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT, 50000),
    );
    expect(response.result?.resultCode).toBe(0);
    const x = await register.send(report(ReportTypeEnum.REPORT_X));
    expect(x.report?.zxReport?.cashSum).toMatchObject({
      bills: 500n,
      coins: 0,
    });
  });

  it("returns 14 when cash is short", async () => {
    const register = await newRegister();
    await register.send(
      placement(MoneyPlacementEnum.MONEY_PLACEMENT_DEPOSIT, 1000),
    );
    const before = register.token;

    const response = await register.send(
      placement(MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL, 1001),
    );

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_NOT_ENOUGH_CASH,
    );
    expect(response.result?.resultText).toBe(
      "withdrawal of 10.01 exceeds the 10.00 in the drawer",
    );
    expect(register.token).toBe(before);
  });

  it("accepts an offline withdrawal", async () => {
    const register = await newRegister();
    const response = await register.send(
      placement(MoneyPlacementEnum.MONEY_PLACEMENT_WITHDRAWAL, 500, true),
    );
    expect(response.result?.resultCode).toBe(0);
  });
});

describe("shift timeout", () => {
  it("returns 11 after 24 hours online only", async () => {
    const register = await newRegister();
    await register.send(sell(100));
    await runInDurableObject(
      kkmSession(env, register.kkmId),
      (_instance: KkmSession, state) => {
        state.storage.sql.exec(
          "UPDATE shifts SET opened_at = ?",
          "2020-01-01T00:00:00.000Z",
        );
      },
    );

    const online = await register.send(sell(100));
    const offline = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: { ...saleTicket(100), offlineTicketNumber: 1001 },
    });
    const closed = await register.send(closeShift());

    expect(online.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_OPEN_SHIFT_TIMEOUT_EXPIRED,
    );
    expect(offline.result?.resultCode).toBe(0);
    expect(closed.result?.resultCode).toBe(0);
  });
});

describe("blocked KKM", () => {
  it("returns 15 with the reason", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    const db = drizzle(env.DB);
    await db
      .update(organisations)
      .set({ status: "blocked", blockReason: "unpaid OFD services" })
      .where(eq(organisations.id, kkm.organisationId));
    await pushRegistration(db, env, kkm.kkmId);

    const response = await register.send(sell(100));

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_BLOCKED,
    );
    expect(response.result?.resultText).toBe(
      "KKM is blocked by the OFD: unpaid OFD services",
    );
    expect(response.service?.ticketAds[0]?.info?.type).toBe(
      TicketAdTypeEnum.TICKET_AD_INFO,
    );
    expect(response.service?.ticketAds[0]?.text).toBe(
      "KKM is blocked by the OFD: unpaid OFD services",
    );
  });

  it("returns 15 when deregistered", async () => {
    const kkm = await registeredKkm();
    const db = drizzle(env.DB);
    await db
      .update(kkms)
      .set({ status: "deregistered" })
      .where(eq(kkms.id, kkm.kkmId));
    await pushRegistration(db, env, kkm.kkmId);
    const register = new TestRegister(kkm.kkmId, kkm.token);

    const response = await register.send({
      command: CommandTypeEnum.COMMAND_SYSTEM,
    });

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_BLOCKED,
    );
    expect(response.result?.resultText).toBe("KKM is deregistered in the OFD");
  });
});

describe("service block", () => {
  it("sends reg info and taxation on request", async () => {
    const kkm = await registeredKkm();
    const db = drizzle(env.DB);
    await db
      .update(organisations)
      .set({ vatPayer: true })
      .where(eq(organisations.id, kkm.organisationId));
    await pushRegistration(db, env, kkm.kkmId);
    const register = new TestRegister(kkm.kkmId, kkm.token);

    const response = await register.send({
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: { getRegInfo: true, getBindedTaxation: true },
    });

    expect(response.service?.regInfo?.kkm?.fnsKkmId).toBe(kkm.kgdNumber);
    expect(response.service?.bindedTaxation?.taxationType).toBe(101);
    expect(response.service?.bindedTaxation?.taxes).toEqual([
      expect.objectContaining({ taxType: 100, percent: 16000 }),
    ]);
  });

  it("sends only newer ticket ads", async () => {
    const kkm = await registeredKkm();
    const db = drizzle(env.DB);
    await db.insert(ticketAds).values({
      scope: "kkm",
      scopeId: String(kkm.kkmId),
      text: "Thank you!",
      version: 3,
    });
    await pushRegistration(db, env, kkm.kkmId);
    const register = new TestRegister(kkm.kkmId, kkm.token);

    const fresh = await register.send({
      command: CommandTypeEnum.COMMAND_INFO,
    });
    const known = await register.send({
      command: CommandTypeEnum.COMMAND_INFO,
      service: {
        ticketAdInfos: [{ type: TicketAdTypeEnum.TICKET_AD_KKM, version: 3n }],
      },
    });

    expect(
      fresh.service?.ticketAds.map((ad) => [
        ad.info?.type,
        ad.info?.version,
        ad.text,
      ]),
    ).toEqual([[TicketAdTypeEnum.TICKET_AD_KKM, 3n, "Thank you!"]]);
    expect(known.service?.ticketAds).toEqual([]);
  });

  it("reports the last document's shift", async () => {
    const register = await newRegister();
    await register.send(sell(100));
    const info = await register.send({ command: CommandTypeEnum.COMMAND_INFO });
    expect(info.service?.lastDocumentInfo?.frShiftNumber).toBe(1);
    expect(info.report?.report).toBe(ReportTypeEnum.REPORT_X);
  });
});

describe("autonomous mode", () => {
  const period = (beginDay: number, endDay: number) => ({
    offlinePeriod: {
      beginTime: {
        date: { year: 2026, month: 12, day: beginDay },
        time: { hour: 9, minute: 0, second: 0 },
      },
      endTime: {
        date: { year: 2026, month: 12, day: endDay },
        time: { hour: 10, minute: 0, second: 0 },
      },
    },
  });

  it("records the offline period", async () => {
    const register = await newRegister();
    await register.send({
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: period(3, 3),
    });
    const status = await kkmSession(env, register.kkmId).getStatus();
    expect(status.offlineEpisodes).toEqual([
      expect.objectContaining({
        beginLocal: "2026-12-03T09:00:00",
        endLocal: "2026-12-03T10:00:00",
      }),
    ]);
    expect(status.autonomousLimitPassedAt).toBeNull();
  });

  it("flags a period over 72 hours", async () => {
    const register = await newRegister();
    await register.send({
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: period(1, 4),
    });
    const flagged = await kkmSession(env, register.kkmId).getStatus();
    await register.send({ command: CommandTypeEnum.COMMAND_SYSTEM });
    const cleared = await kkmSession(env, register.kkmId).getStatus();
    expect(flagged.autonomousLimitPassedAt).not.toBeNull();
    expect(cleared.autonomousLimitPassedAt).toBeNull();
  });

  it("answers a resent offline receipt once", async () => {
    const register = await newRegister();
    const ticket = { ...saleTicket(4200), offlineTicketNumber: 1001 };
    const first = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket,
    });
    const again = await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket,
    });
    expect(again.ticket?.ticketNumber).toBe(first.ticket?.ticketNumber);
    const status = await kkmSession(env, register.kkmId).getStatus();
    expect(status.receiptCount).toBe(1);
  });

  it("ignores a placeholder period", async () => {
    const register = await newRegister();
    const response = await register.send({
      command: CommandTypeEnum.COMMAND_SYSTEM,
      service: {
        offlinePeriod: {
          beginTime: {
            date: { year: 1899, month: 12, day: 30 },
            time: { hour: 0, minute: 0 },
          },
          endTime: {
            date: { year: 1899, month: 12, day: 30 },
            time: { hour: 0, minute: 0 },
          },
        },
      },
    });
    expect(response.result?.resultCode).toBe(0);
    const status = await kkmSession(env, register.kkmId).getStatus();
    expect(status.offlineEpisodes).toEqual([]);
  });
});

describe("watch alarm", () => {
  it("marks a silent KKM offline", async () => {
    const register = await newRegister();
    await register.send({ command: CommandTypeEnum.COMMAND_SYSTEM });
    const stub = kkmSession(env, register.kkmId);
    await runInDurableObject(stub, (_instance: KkmSession, state) => {
      state.storage.sql.exec(
        "UPDATE session SET last_contact_at = ?",
        new Date(Date.now() - 4 * 86_400_000).toISOString(),
      );
    });

    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const status = await stub.getStatus();
    expect(status.online).toBe(false);
    expect(status.autonomousLimitPassedAt).not.toBeNull();
  });
});

describe("report history", () => {
  it("writes each Z report to D1 once", async () => {
    const register = await newRegister();
    await register.send(sell(25000));
    await register.send(closeShift());
    const stub = kkmSession(env, register.kkmId);

    // The outbox is flushed after the answer; an alarm flushes what is left.
    await runDurableObjectAlarm(stub);
    await runDurableObjectAlarm(stub);
    const rows = await drizzle(env.DB)
      .select()
      .from(shiftReports)
      .where(eq(shiftReports.kkmId, register.kkmId));

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "Z",
      shiftNumber: 1,
      sequence: 0,
      revenue: 25000,
      cash: 25000,
      nonNullableSell: 25000,
    });
    expect((await stub.getStatus()).pendingOutboxRows).toBe(0);
  });

  it("writes requested X reports", async () => {
    const register = await newRegister();
    await register.send(sell(100));
    await register.send(report(ReportTypeEnum.REPORT_X));
    await register.send(report(ReportTypeEnum.REPORT_X));
    await runDurableObjectAlarm(kkmSession(env, register.kkmId));

    const rows = await drizzle(env.DB)
      .select()
      .from(shiftReports)
      .where(eq(shiftReports.kkmId, register.kkmId));

    expect(rows.map((row) => [row.kind, row.sequence]).sort()).toEqual([
      ["X", 1],
      ["X", 2],
    ]);
  });
});

describe("X report between shifts", () => {
  it("carries cash and grand totals over", async () => {
    const register = await newRegister();
    await register.send(sell(30000));
    await register.send(closeShift());

    const x = await register.send(report(ReportTypeEnum.REPORT_X));

    const zx = x.report?.zxReport;
    expect(zx?.shiftNumber).toBe(2);
    expect(zx?.cashSum).toMatchObject({ bills: 300n, coins: 0 });
    expect(zx?.revenue?.sum).toMatchObject({ bills: 0n, coins: 0 });
    expect(zx?.nonNullableSums).toEqual([
      expect.objectContaining({
        operation: OperationTypeEnum.OPERATION_SELL,
        sum: expect.objectContaining({ bills: 300n, coins: 0 }),
      }),
    ]);
    expect(zx?.openShiftTime).toBeUndefined();
  });
});
