import { beforeAll, describe, expect, it } from "vitest";
import { CommandTypeEnum } from "../../../proto/messages";
import { saleTicket } from "../frames";
import { call } from "../portal/client";
import { TestRegister } from "../session-client";
import {
  activate,
  flushOutbox,
  kkmRow,
  ownerWithOffer,
  type Owner,
} from "./helpers";

const AT = {
  date: { year: 2026, month: 12, day: 4 },
  time: { hour: 18, minute: 0, second: 0 },
};

interface Tenant {
  owner: Owner;
  kkmId: number;
  pointOfSaleId: string;
  fiscalSign: string;
  reportId: number;
}

/** An organisation with a KKM that made a receipt and closed a shift. */
async function tenant(): Promise<Tenant> {
  const owner = await ownerWithOffer();
  const { kkm, token } = await activate(owner);
  const register = new TestRegister(kkm.id, token);
  const sale = await register.send({
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: saleTicket(1000),
  });
  await register.send({
    command: CommandTypeEnum.COMMAND_CLOSE_SHIFT,
    closeShift: { closeTime: AT },
  });
  await flushOutbox(kkm.id);
  const reports = await call("GET", `/api/kkms/${kkm.id}/reports`, {
    session: owner,
  });
  return {
    owner,
    kkmId: kkm.id,
    pointOfSaleId: kkm.pointOfSaleId,
    fiscalSign: sale.ticket?.ticketNumber ?? "",
    reportId: reports.body.items[0].id,
  };
}

let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  a = await tenant();
  b = await tenant();
});

/** Routes called by B with A's ids: [method, path, body]. */
const foreignRoutes: [string, string, () => string, unknown?][] = [
  ["GET", "/api/kkms/:aKkm", () => `/api/kkms/${a.kkmId}`],
  [
    "PUT",
    "/api/kkms/:aKkm",
    () => `/api/kkms/${a.kkmId}`,
    { internalName: "Чужая" },
  ],
  ["POST", "/api/kkms/:aKkm/token", () => `/api/kkms/${a.kkmId}/token`],
  [
    "POST",
    "/api/kkms/:aKkm/deregister",
    () => `/api/kkms/${a.kkmId}/deregister`,
    { reason: "x" },
  ],
  [
    "POST",
    "/api/kkms/:aKkm/block",
    () => `/api/kkms/${a.kkmId}/block`,
    { reason: "x" },
  ],
  ["POST", "/api/kkms/:aKkm/unblock", () => `/api/kkms/${a.kkmId}/unblock`],
  [
    "GET",
    "/api/kkms/:aKkm/transactions",
    () => `/api/kkms/${a.kkmId}/transactions`,
  ],
  [
    "GET",
    "/api/kkms/:aKkm/transactions?shiftNumber=1",
    () => `/api/kkms/${a.kkmId}/transactions?shiftNumber=1`,
  ],
  [
    "GET",
    "/api/kkms/:aKkm/receipts/:aSign",
    () => `/api/kkms/${a.kkmId}/receipts/${a.fiscalSign}`,
  ],
  [
    "GET",
    "/api/kkms/:bKkm/receipts/:aSign",
    () => `/api/kkms/${b.kkmId}/receipts/${a.fiscalSign}`,
  ],
  ["GET", "/api/kkms/:aKkm/live", () => `/api/kkms/${a.kkmId}/live`],
  ["GET", "/api/kkms/:aKkm/reports", () => `/api/kkms/${a.kkmId}/reports`],
  [
    "GET",
    "/api/kkms/:aKkm/reports/:aReport",
    () => `/api/kkms/${a.kkmId}/reports/${a.reportId}`,
  ],
  [
    "GET",
    "/api/kkms/:bKkm/reports/:aReport",
    () => `/api/kkms/${b.kkmId}/reports/${a.reportId}`,
  ],
  ["GET", "/api/receipts?kkmId=:aKkm", () => `/api/receipts?kkmId=${a.kkmId}`],
  [
    "GET",
    "/api/exports/receipts.csv?kkmId=:aKkm",
    () => `/api/exports/receipts.csv?kkmId=${a.kkmId}`,
  ],
  [
    "GET",
    "/api/exports/reports.csv?kkmId=:aKkm",
    () => `/api/exports/reports.csv?kkmId=${a.kkmId}`,
  ],
];

describe("tenant isolation", () => {
  it.each(foreignRoutes)("%s %s is 404", async (method, _label, path, body) => {
    const result = await call(method, path(), { session: b.owner, body });

    expect(result.status, `${path()}: ${JSON.stringify(result.body)}`).toBe(
      404,
    );
    expect(result.body.error.code).toBe("NOT_FOUND");
  });

  it("leaves the foreign KKM unchanged", async () => {
    const row = await kkmRow(a.kkmId);
    const mine = await call("GET", `/api/kkms/${a.kkmId}`, {
      session: a.owner,
    });

    expect(row?.status).toBe("registered");
    expect(row?.blockReason).toBeNull();
    expect(row?.internalName).toBe("Касса 1");
    expect(mine.status).toBe(200);
  });

  it("hides foreign receipts from search", async () => {
    const result = await call(
      "GET",
      `/api/receipts?fiscalSign=${a.fiscalSign}`,
      {
        session: b.owner,
      },
    );

    expect(result.status).toBe(200);
    expect(result.body.items).toEqual([]);
  });

  it("hides foreign KKMs from the list", async () => {
    const result = await call(
      "GET",
      `/api/kkms?pointOfSaleId=${a.pointOfSaleId}`,
      { session: b.owner },
    );
    const all = await call("GET", "/api/kkms", { session: b.owner });

    expect(result.body.groups).toEqual([]);
    expect(
      all.body.groups.flatMap((g: { kkms: { id: number }[] }) =>
        g.kkms.map((k) => k.id),
      ),
    ).toEqual([b.kkmId]);
  });

  it("rejects a foreign point of sale", async () => {
    const moved = await call("PUT", `/api/kkms/${b.kkmId}`, {
      session: b.owner,
      body: { pointOfSaleId: a.pointOfSaleId },
    });
    const points = await call("GET", "/api/kkms/points-of-sale", {
      session: b.owner,
    });

    expect(moved.status, JSON.stringify(moved.body)).toBe(400);
    expect(moved.body.error.message).toContain("pointOfSaleId");
    expect(points.body.items.map((p: { id: string }) => p.id)).toEqual([
      b.pointOfSaleId,
    ]);
  });
});
