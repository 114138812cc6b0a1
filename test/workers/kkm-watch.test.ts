import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CommandTypeEnum, PaymentTypeEnum } from "../../proto/messages";
import { WATCH_HEADER } from "../../durable/kkm-session";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import { money, saleTicket } from "./frames";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

const at = (day: number, hour: number) => ({
  year: 2026,
  month: 12,
  day,
  hour,
  minute: 0,
  second: 0,
});

async function sellAt(
  register: TestRegister,
  tiyn: number,
  day: number,
  hour: number,
) {
  return register.send({
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: saleTicket(tiyn, at(day, hour)),
  });
}

describe("transaction list", () => {
  it("lists a day's receipts newest first", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    await sellAt(register, 100, 3, 10);
    await sellAt(register, 200, 4, 9);
    await sellAt(register, 300, 4, 11);

    const page = await kkmSession(env, kkm.kkmId).listTransactions({
      date: "2026-12-04",
    });

    expect(page.items.map((row) => row.total)).toEqual([300, 200]);
    expect(page.items[0]).toMatchObject({
      localTime: "2026-12-04T11:00:00",
      operation: "sell",
      paymentTypes: ["cash"],
      autonomousNumber: null,
      shiftNumber: 1,
    });
    expect(page.nextBeforeId).toBeNull();
  });

  it("pages a shift's receipts", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    for (let i = 1; i <= 5; i++) await sellAt(register, i * 100, 4, 10);
    const stub = kkmSession(env, kkm.kkmId);

    const first = await stub.listTransactions({ shiftNumber: 1, limit: 2 });
    const second = await stub.listTransactions({
      shiftNumber: 1,
      limit: 2,
      beforeId: first.nextBeforeId ?? undefined,
    });

    expect(first.items.map((row) => row.total)).toEqual([500, 400]);
    expect(second.items.map((row) => row.total)).toEqual([300, 200]);
    expect(second.nextBeforeId).not.toBeNull();
  });

  it("marks card and autonomous receipts", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    const ticket = saleTicket(700);
    ticket.payments = [{ type: PaymentTypeEnum.PAYMENT_CARD, sum: money(700) }];
    ticket.amounts = { total: money(700) };
    await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: { ...ticket, offlineTicketNumber: 1001 },
    });

    const page = await kkmSession(env, kkm.kkmId).listTransactions({});

    expect(page.items[0]?.paymentTypes).toEqual(["card"]);
    expect(page.items[0]?.autonomousNumber).toBe(1001);
  });
});

describe("shift summary", () => {
  it("sums the open shift's sales", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    await sellAt(register, 1250, 4, 10);
    await sellAt(register, 750, 4, 11);

    const summary = await kkmSession(env, kkm.kkmId).getShiftSummary();

    expect(summary).toEqual({
      shiftNumber: 1,
      openedLocal: "2026-12-04T10:00:00",
      salesTotal: 2000,
      lastClosedShiftNumber: null,
    });
  });
});

describe("portal watchers", () => {
  it("receive each accepted receipt", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    const upgrade = await kkmSession(env, kkm.kkmId).fetch(
      `https://kkm/watch?kkmId=${kkm.kkmId}`,
      { headers: { upgrade: "websocket", [WATCH_HEADER]: "1" } },
    );
    const socket = upgrade.webSocket;
    if (!socket) throw new Error(`upgrade failed with ${upgrade.status}`);
    socket.accept();
    const { promise, resolve } = Promise.withResolvers<string>();
    socket.addEventListener("message", (event) => resolve(String(event.data)), {
      once: true,
    });

    const sale = await sellAt(register, 4500, 4, 12);
    const message = JSON.parse(await promise) as {
      type: string;
      receipt: { fiscalSign: string; total: number };
      shift: { salesTotal: number };
    };
    socket.close(1000, "done");

    expect(message.type).toBe("receipt");
    expect(message.receipt.fiscalSign).toBe(sale.ticket?.ticketNumber);
    expect(message.receipt.total).toBe(4500);
    expect(message.shift.salesTotal).toBe(4500);
  });
});
