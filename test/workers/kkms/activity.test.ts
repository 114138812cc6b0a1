import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CommandTypeEnum } from "../../../proto/messages";
import { money, saleTicket } from "../frames";
import { call, type Session } from "../portal/client";
import { TestRegister } from "../session-client";
import { activate, flushOutbox, ownerWithOffer } from "./helpers";

const at = (day: number, hour: number, minute = 0) => ({
  year: 2026,
  month: 12,
  day,
  hour,
  minute,
  second: 0,
});

const AT = {
  date: { year: 2026, month: 12, day: 4 },
  time: { hour: 18, minute: 0, second: 0 },
};

async function sellAt(
  register: TestRegister,
  tiyn: number,
  day = 4,
  hour = 12,
) {
  const response = await register.send({
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: saleTicket(tiyn, at(day, hour)),
  });
  return response.ticket?.ticketNumber ?? "";
}

async function kkmWithRegister(owner: Session) {
  const { kkm, token } = await activate(owner);
  return { kkm, register: new TestRegister(kkm.id, token) };
}

describe("KKM search", () => {
  it("groups by point of sale", async () => {
    const owner = await ownerWithOffer();
    const point = { city: "Алматы", address: "пр. Абая, 1", title: "A" };
    const first = await activate(owner, { newPointOfSale: point });
    await activate(owner, {
      newPointOfSale: undefined,
      pointOfSaleId: first.kkm.pointOfSaleId,
      internalName: "Касса 2",
    });
    await activate(owner, { internalName: "Касса 3" });

    const result = await call("GET", "/api/kkms", { session: owner });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(
      result.body.groups.map(
        (g: { pointOfSale: { city: string }; kkms: unknown[] }) => [
          g.pointOfSale.city,
          g.kkms.length,
        ],
      ),
    ).toEqual([
      ["Алматы", 2],
      ["Астана", 1],
    ]);
    expect(result.body.nextCursor).toBeNull();
  });

  it("pages with a cursor", async () => {
    const owner = await ownerWithOffer();
    const anchor = await activate(owner);
    const ids = [anchor.kkm.id];
    for (let i = 0; i < 2; i++) {
      const next = await activate(owner, {
        newPointOfSale: undefined,
        pointOfSaleId: anchor.kkm.pointOfSaleId,
      });
      ids.push(next.kkm.id);
    }

    const first = await call("GET", "/api/kkms?limit=2", { session: owner });
    const second = await call(
      "GET",
      `/api/kkms?limit=2&cursor=${first.body.nextCursor}`,
      { session: owner },
    );

    const idsOf = (body: { groups: { kkms: { id: number }[] }[] }) =>
      body.groups.flatMap((g) => g.kkms.map((k) => k.id));
    expect(idsOf(first.body)).toEqual(ids.slice(0, 2));
    expect(idsOf(second.body)).toEqual(ids.slice(2));
    expect(second.body.nextCursor).toBeNull();
  });

  it("applies each filter", async () => {
    const owner = await ownerWithOffer();
    const cloud = await activate(owner, {
      deviceType: "cloud",
      internalName: "Облачная касса",
    });
    const plain = await activate(owner, { internalName: "Касса у входа" });
    await call("POST", `/api/kkms/${plain.kkm.id}/block`, {
      session: owner,
      body: { reason: "Ремонт" },
    });
    const today = new Date().toISOString().slice(0, 10);
    const idsFor = async (query: string) => {
      const result = await call("GET", `/api/kkms?${query}`, {
        session: owner,
      });
      expect(result.status, `${query}: ${JSON.stringify(result.body)}`).toBe(
        200,
      );
      // Sorted: the two points of sale share a city and address, so their
      // order follows their random ids, and this test checks filters only.
      return result.body.groups
        .flatMap((g: { kkms: { id: number }[] }) => g.kkms.map((k) => k.id))
        .sort((a: number, b: number) => a - b);
    };
    const both = [cloud.kkm.id, plain.kkm.id].sort((a, b) => a - b);

    expect(await idsFor("deviceType=cloud")).toEqual([cloud.kkm.id]);
    expect(await idsFor(`query=${encodeURIComponent("входа")}`)).toEqual([
      plain.kkm.id,
    ]);
    expect(await idsFor(`query=${encodeURIComponent("Кенесары")}`)).toEqual(
      both,
    );
    expect(await idsFor("status=blocked")).toEqual([plain.kkm.id]);
    expect(await idsFor(`kgdNumber=${cloud.kkm.kgdNumber}`)).toEqual([
      cloud.kkm.id,
    ]);
    expect(await idsFor(`pointOfSaleId=${cloud.kkm.pointOfSaleId}`)).toEqual([
      cloud.kkm.id,
    ]);
    expect(
      await idsFor(`registeredFrom=${today}&registeredTo=${today}`),
    ).toEqual(both);
    expect(await idsFor("registeredTo=2020-01-01")).toEqual([]);
  });
});

describe("KKM receipts", () => {
  it("lists transactions by date and shift", async () => {
    const owner = await ownerWithOffer();
    const { kkm, register } = await kkmWithRegister(owner);
    await sellAt(register, 100, 3, 10);
    await sellAt(register, 200, 4, 9);
    const newest = await sellAt(register, 300, 4, 11);

    const byDate = await call(
      "GET",
      `/api/kkms/${kkm.id}/transactions?date=2026-12-04&limit=1`,
      { session: owner },
    );
    const next = await call(
      "GET",
      `/api/kkms/${kkm.id}/transactions?date=2026-12-04&limit=1&cursor=${byDate.body.nextCursor}`,
      { session: owner },
    );
    const byShift = await call(
      "GET",
      `/api/kkms/${kkm.id}/transactions?shiftNumber=1`,
      { session: owner },
    );

    expect(byDate.status, JSON.stringify(byDate.body)).toBe(200);
    expect(byDate.body.items[0]).toMatchObject({
      fiscalSign: newest,
      total: 300,
      operation: "sell",
      paymentTypes: ["cash"],
      localTime: "2026-12-04T11:00:00",
    });
    expect(next.body.items.map((r: { total: number }) => r.total)).toEqual([
      200,
    ]);
    expect(next.body.nextCursor).toBeNull();
    expect(byShift.body.items).toHaveLength(3);
  });

  it("shows a receipt in full", async () => {
    const owner = await ownerWithOffer();
    const { kkm, register } = await kkmWithRegister(owner);
    const sign = await sellAt(register, 150050);

    const result = await call("GET", `/api/kkms/${kkm.id}/receipts/${sign}`, {
      session: owner,
    });
    const missing = await call("GET", `/api/kkms/${kkm.id}/receipts/1`, {
      session: owner,
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({
      fiscalSign: sign,
      total: 150050,
      operation: "sell",
      dateTime: "2026-12-04T12:00:00",
      lines: [{ name: "Bread", sum: 150050, quantity: 1000 }],
      payments: [{ type: "cash", sum: 150050 }],
    });
    expect(result.body.qrUrl).toContain(`i=${sign}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });

  it("searches the organisation's receipts", async () => {
    const owner = await ownerWithOffer();
    const one = await kkmWithRegister(owner);
    const two = await kkmWithRegister(owner);
    const small = await sellAt(one.register, 1000, 3);
    const large = await sellAt(one.register, 90000, 4);
    const other = await sellAt(two.register, 5000, 4, 11);
    await flushOutbox(one.kkm.id);
    await flushOutbox(two.kkm.id);
    const signs = async (query: string) => {
      const result = await call("GET", `/api/receipts?${query}`, {
        session: owner,
      });
      expect(result.status, `${query}: ${JSON.stringify(result.body)}`).toBe(
        200,
      );
      return result.body.items.map((r: { fiscalSign: string }) => r.fiscalSign);
    };

    expect(await signs("")).toEqual([large, other, small]);
    expect(await signs(`fiscalSign=${small}`)).toEqual([small]);
    expect(await signs("from=2026-12-04&to=2026-12-04")).toEqual([
      large,
      other,
    ]);
    expect(await signs("minTotal=2000&maxTotal=10000")).toEqual([other]);
    expect(await signs(`kkmId=${two.kkm.id}`)).toEqual([other]);
    expect(await signs("limit=1")).toEqual([large]);
  });

  it("pages the receipt search", async () => {
    const owner = await ownerWithOffer();
    const { kkm, register } = await kkmWithRegister(owner);
    const made = [];
    for (let hour = 9; hour < 12; hour++)
      made.push(await sellAt(register, 100, 4, hour));
    await flushOutbox(kkm.id);

    const first = await call("GET", "/api/receipts?limit=2", {
      session: owner,
    });
    const second = await call(
      "GET",
      `/api/receipts?limit=2&cursor=${first.body.nextCursor}`,
      { session: owner },
    );

    expect(
      first.body.items.map((r: { fiscalSign: string }) => r.fiscalSign),
    ).toEqual([made[2], made[1]]);
    expect(
      second.body.items.map((r: { fiscalSign: string }) => r.fiscalSign),
    ).toEqual([made[0]]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("KKM live feed", () => {
  it("sends each accepted receipt", async () => {
    const owner = await ownerWithOffer();
    const { kkm, register } = await kkmWithRegister(owner);
    const upgrade = await SELF.fetch(
      `https://ofd.example/api/kkms/${kkm.id}/live`,
      {
        headers: {
          upgrade: "websocket",
          cookie: `ofd_session=${owner.cookie}`,
        },
      },
    );
    const socket = upgrade.webSocket;
    if (!socket) throw new Error(`upgrade failed with ${upgrade.status}`);
    socket.accept();
    const { promise, resolve } = Promise.withResolvers<string>();
    socket.addEventListener("message", (event) => resolve(String(event.data)), {
      once: true,
    });

    const sign = await sellAt(register, 4500);
    const message = JSON.parse(await promise);
    socket.close(1000, "done");

    expect(upgrade.status).toBe(101);
    expect(message.type).toBe("receipt");
    expect(message.receipt).toMatchObject({ fiscalSign: sign, total: 4500 });
    expect(message.shift).toMatchObject({ shiftNumber: 1, salesTotal: 4500 });
  });

  it("rejects a plain GET", async () => {
    const owner = await ownerWithOffer();
    const { kkm } = await activate(owner);

    const result = await call("GET", `/api/kkms/${kkm.id}/live`, {
      session: owner,
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("upgrade");
  });
});

describe("KKM reports", () => {
  async function closedShift(owner: Session) {
    const { kkm, register } = await kkmWithRegister(owner);
    await sellAt(register, 100000);
    await register.send({
      command: CommandTypeEnum.COMMAND_REPORT,
      report: { report: 1, dateTime: AT },
    });
    await register.send({
      command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
      closeShift: {
        closeTime: AT,
        zReport: {
          dateTime: AT,
          shiftNumber: 1,
          cashSum: money(90000),
          revenue: { sum: money(100000), isNegative: false },
        },
      },
    });
    await flushOutbox(kkm.id);
    return kkm;
  }

  it("lists Z and X reports", async () => {
    const owner = await ownerWithOffer();
    const kkm = await closedShift(owner);

    const all = await call("GET", `/api/kkms/${kkm.id}/reports`, {
      session: owner,
    });
    const z = await call(
      "GET",
      `/api/kkms/${kkm.id}/reports?kind=Z&from=2026-12-04&to=2026-12-04&shiftNumber=1`,
      {
        session: owner,
      },
    );
    const none = await call(
      "GET",
      `/api/kkms/${kkm.id}/reports?shiftNumber=2`,
      {
        session: owner,
      },
    );

    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items.map((r: { kind: string }) => r.kind).sort()).toEqual([
      "X",
      "Z",
    ]);
    expect(z.body.items).toHaveLength(1);
    expect(z.body.items[0]).toMatchObject({
      kind: "Z",
      shiftNumber: 1,
      revenue: 100000,
      cash: 100000,
      nonNullableSell: 100000,
      hasDiscrepancies: true,
    });
    expect(none.body.items).toEqual([]);
  });

  it("shows a report with discrepancies", async () => {
    const owner = await ownerWithOffer();
    const kkm = await closedShift(owner);
    const list = await call("GET", `/api/kkms/${kkm.id}/reports?kind=Z`, {
      session: owner,
    });

    const result = await call(
      "GET",
      `/api/kkms/${kkm.id}/reports/${list.body.items[0].id}`,
      { session: owner },
    );

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.header).toMatchObject({
      organisationName: "ТОО «Рога и копыта»",
      kkmId: kkm.id,
      kgdNumber: kkm.kgdNumber,
      pointOfSaleName: "Магазин на Кенесары",
      pointOfSaleAddress: "Астана, ул. Кенесары, 40",
      shiftNumber: 1,
    });
    expect(result.body.summary).toMatchObject({
      sections: [{ section: "1", sell: { count: 1, sum: 100000 } }],
      totals: { sell: { count: 1, sum: 100000 }, buy: { count: 0, sum: 0 } },
      revenue: 100000,
      cash: 100000,
      nonNullable: { sell: 100000 },
    });
    expect(result.body.registerSummary).toMatchObject({ cash: 90000 });
    expect(result.body.discrepancies).toContain(
      "cash_sum: server 1000.00, register 900.00",
    );
  });
});

describe("CSV exports", () => {
  it("streams receipts with BOM and header", async () => {
    const owner = await ownerWithOffer();
    const { kkm, register } = await kkmWithRegister(owner);
    await sellAt(register, 150050, 4, 10);
    await sellAt(register, 99, 4, 11);
    await flushOutbox(kkm.id);
    const found = await call("GET", "/api/receipts", { session: owner });
    const [late, early] = found.body.items;

    const response = await SELF.fetch(
      `https://ofd.example/api/exports/receipts.csv?from=2026-12-04&kkmId=${kkm.id}`,
      { headers: { cookie: `ofd_session=${owner.cookie}` } },
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder("utf-8", {
      ignoreBOM: true,
      fatal: true,
    }).decode(bytes);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "text/csv; charset=utf-8",
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe(
      "\uFEFFKKM,Fiscal sign,Autonomous number,Shift,Operation,Local time,Received at (UTC),Total (KZT)\r\n" +
        `${kkm.id},${early.fiscalSign},,1,sell,2026-12-04T10:00:00,${early.receivedAt},1500.50\r\n` +
        `${kkm.id},${late.fiscalSign},,1,sell,2026-12-04T11:00:00,${late.receivedAt},0.99\r\n`,
    );
  });

  it("streams reports as CSV", async () => {
    const owner = await ownerWithOffer();
    const { kkm, register } = await kkmWithRegister(owner);
    await sellAt(register, 2500);
    await register.send({
      command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
      closeShift: { closeTime: AT },
    });
    await flushOutbox(kkm.id);

    const response = await SELF.fetch(
      "https://ofd.example/api/exports/reports.csv?kind=Z",
      { headers: { cookie: `ofd_session=${owner.cookie}` } },
    );
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toBe(
      "KKM,Kind,Shift,Sequence,Local time,Revenue (KZT),Cash (KZT),Non-nullable sales (KZT),Discrepancies\r\n" +
        `${kkm.id},Z,1,0,2026-12-04T18:00:00,25.00,25.00,25.00,no\r\n`,
    );
  });
});
