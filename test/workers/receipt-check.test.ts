// The public receipt check: GET /api/public/receipts/check through the
// Worker, its lookup inside one KKM's object, and its cost at scale.
import { create, toBinary } from "@bufbuild/protobuf";
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  lookupReceipt,
  RECEIPT_LOOKUP_SQL,
  type PublicReceipt,
  type ReceiptQuery,
} from "../../durable/kkm/receipt-lookup";
import { KkmStore } from "../../durable/kkm/store";
import { includedTax } from "../../durable/fiscal/taxes";
import {
  CommandTypeEnum,
  PaymentTypeEnum,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequestSchema,
} from "../../proto/messages";
import { checkReceipt } from "../../worker/domain/receipt-check";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import { RECEIPT_NOT_FOUND } from "../../worker/routes/public/receipts";
import { money, saleTicket } from "./frames";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

const CHECK_URL = "https://ofd.example/api/public/receipts/check";

/** Each test uses its own client address, so the rate limit stays out. */
let addressCounter = 0;

function nextAddress(): string {
  addressCounter += 1;
  return `10.20.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

async function check(
  params: Record<string, string>,
): Promise<{ status: number; body: any }> {
  const query = new URLSearchParams(params).toString();
  const response = await SELF.fetch(`${CHECK_URL}?${query}`, {
    headers: { "cf-connecting-ip": nextAddress() },
  });
  return { status: response.status, body: await response.json() };
}

/** Two goods at 16 % VAT, paid part by card and part in cash. */
function groceryTicket() {
  const breadVat = includedTax(50_000, 16_000);
  const milkVat = includedTax(48_000, 16_000);
  const ticket = saleTicket(98_000, {
    year: 2026,
    month: 12,
    day: 4,
    hour: 10,
    minute: 15,
    second: 42,
  });
  ticket.items = [
    {
      type: ItemType.ITEM_TYPE_COMMODITY,
      commodity: {
        name: "Bread",
        sectionCode: "1",
        quantity: 2000n,
        price: money(25_000),
        sum: money(50_000),
        taxes: [
          {
            taxType: 100,
            percent: 16_000,
            sum: money(breadVat),
            isInTotalSum: true,
          },
        ],
        measureUnitCode: "796",
        barcode: "4870001234567",
      },
    },
    {
      type: ItemType.ITEM_TYPE_COMMODITY,
      commodity: {
        name: "Milk",
        sectionCode: "1",
        quantity: 1000n,
        price: money(48_000),
        sum: money(48_000),
        taxes: [
          {
            taxType: 100,
            percent: 16_000,
            sum: money(milkVat),
            isInTotalSum: true,
          },
        ],
        measureUnitCode: "796",
      },
    },
  ];
  ticket.payments = [
    { type: PaymentTypeEnum.PAYMENT_CARD, sum: money(50_000) },
    { type: PaymentTypeEnum.PAYMENT_CASH, sum: money(48_000) },
  ];
  ticket.amounts = {
    total: money(98_000),
    taken: money(50_000),
    change: money(2_000),
  };
  return { ticket, breadVat, milkVat };
}

let kgdNumber: string;
let kkmId: number;
let onlineSign: string;
let offlineSign: string;
let vat: { breadVat: number; milkVat: number };

beforeAll(async () => {
  const kkm = await registeredKkm();
  kgdNumber = kkm.kgdNumber;
  kkmId = kkm.kkmId;
  const register = new TestRegister(kkm.kkmId, kkm.token);

  const grocery = groceryTicket();
  vat = grocery;
  const online = await register.send({
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: grocery.ticket,
  });
  onlineSign = online.ticket?.ticketNumber ?? "";

  const autonomous = saleTicket(4_200, {
    year: 2026,
    month: 12,
    day: 4,
    hour: 9,
    minute: 5,
    second: 7,
  });
  const offline = await register.send({
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: { ...autonomous, offlineTicketNumber: 77_001 },
  });
  offlineSign = offline.ticket?.ticketNumber ?? "";

  if (!/^\d{10}$/.test(onlineSign) || !/^\d{10}$/.test(offlineSign)) {
    throw new Error(
      `setup sale failed: online ${JSON.stringify(online.result)}, offline ${JSON.stringify(offline.result)}`,
    );
  }
});

function onlineParams(): Record<string, string> {
  return { i: onlineSign, f: kgdNumber, s: "980.00", t: "20261204T101542" };
}

describe("online receipt", () => {
  it("returns the receipt view", async () => {
    const { status, body } = await check(onlineParams());

    expect(status, JSON.stringify(body)).toBe(200);
    const expected: PublicReceipt = {
      seller: { name: "Test LLP", iinBin: body.seller.iinBin },
      pointOfSale: { name: "Shop", address: "Astana, Test 2" },
      kkm: { kgdNumber, serialNumber: body.kkm.serialNumber },
      operation: "sell",
      fiscalSign: onlineSign,
      autonomous: false,
      autonomousNumber: null,
      dateTime: "2026-12-04T10:15:42",
      shiftNumber: 1,
      documentNumber: null,
      lines: [
        {
          kind: "commodity",
          name: "Bread",
          quantity: 2000,
          unitPrice: 25_000,
          sum: 50_000,
          vat: { percent: 16_000, sum: vat.breadVat },
          measureUnitCode: "796",
          barcode: "4870001234567",
        },
        {
          kind: "commodity",
          name: "Milk",
          quantity: 1000,
          unitPrice: 48_000,
          sum: 48_000,
          vat: { percent: 16_000, sum: vat.milkVat },
          measureUnitCode: "796",
          barcode: null,
        },
      ],
      discount: 0,
      markup: 0,
      payments: [
        { type: "card", sum: 50_000 },
        { type: "cash", sum: 48_000 },
      ],
      vat: [{ percent: 16_000, sum: vat.breadVat + vat.milkVat }],
      total: 98_000,
      taken: 50_000,
      change: 2_000,
      ofdName: "Open OFD",
      qrUrl: `https://ofd.example/check?i=${onlineSign}&f=${kgdNumber}&s=980.00&t=20261204T101542`,
    };
    expect(body).toEqual(expected);
    expect(body.seller.iinBin).toMatch(/^\d{12}$/);
    expect(body.kkm.serialNumber).toMatch(/^SN\d+$/);
  });

  it("matches a time without seconds", async () => {
    const { status, body } = await check({
      ...onlineParams(),
      t: "20261204T1015",
    });

    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.fiscalSign).toBe(onlineSign);
  });

  it("accepts a sum with one decimal", async () => {
    const { status, body } = await check({ ...onlineParams(), s: "980.0" });

    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.total).toBe(98_000);
  });

  it("accepts a sum without decimals", async () => {
    const { status, body } = await check({ ...onlineParams(), s: "980" });

    expect(status, JSON.stringify(body)).toBe(200);
  });
});

describe("autonomous receipt", () => {
  const params = () => ({ f: kgdNumber, s: "42.00", t: "20261204T090507" });

  it("is found by its autonomous number", async () => {
    const { status, body } = await check({ ...params(), i: "77001" });

    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.autonomous).toBe(true);
    expect(body.autonomousNumber).toBe(77_001);
    expect(body.fiscalSign).toBe(offlineSign);
  });

  it("is found by its server sign", async () => {
    const { status, body } = await check({ ...params(), i: offlineSign });

    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.autonomous).toBe(true);
    expect(body.payments).toEqual([{ type: "cash", sum: 4_200 }]);
  });
});

describe("misses", () => {
  const cases: [string, () => Record<string, string>][] = [
    ["wrong sum", () => ({ ...onlineParams(), s: "980.01" })],
    ["wrong date", () => ({ ...onlineParams(), t: "20261203T101542" })],
    ["wrong second", () => ({ ...onlineParams(), t: "20261204T101543" })],
    ["wrong sign", () => ({ ...onlineParams(), i: "1000000001" })],
    ["unknown KGD number", () => ({ ...onlineParams(), f: "999999999999" })],
    ["online sign as autonomous", () => ({ ...onlineParams(), i: "77001" })],
  ];

  it.each(cases)("returns 404 for %s", async (_name, params) => {
    const { status, body } = await check(params());

    expect(status, JSON.stringify(body)).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.message).toBe(RECEIPT_NOT_FOUND);
  });

  it("gives identical bodies apart from requestId", async () => {
    const bodies = [];
    for (const [, params] of cases) bodies.push((await check(params())).body);

    const withoutIds = bodies.map(({ error }) => ({
      ...error,
      requestId: undefined,
    }));
    expect(new Set(withoutIds.map((e) => JSON.stringify(e))).size).toBe(1);
    expect(new Set(bodies.map((b) => b.error.requestId)).size).toBe(
      cases.length,
    );
  });
});

describe("bad parameters", () => {
  const future = new Date(Date.now() + 3 * 24 * 3600 * 1000)
    .toISOString()
    .slice(0, 19)
    .replace(/[-:]/g, "");
  const cases: [string, string, string | null, string][] = [
    ["i missing", "i", null, "is required"],
    ["i with letters", "i", "12ab", "1 to 19 digits"],
    ["i of 20 digits", "i", "1".repeat(20), "1 to 19 digits"],
    ["i empty", "i", "", "1 to 19 digits"],
    ["f missing", "f", null, "is required"],
    ["f of 11 digits", "f", "62030001453", "12-digit KGD"],
    ["f with a dash", "f", "6203-0001453", "12-digit KGD"],
    ["s missing", "s", null, "is required"],
    ["s with a comma", "s", "980,00", "up to 2 decimals"],
    ["s with 3 decimals", "s", "980.001", "up to 2 decimals"],
    ["s negative", "s", "-980.00", "up to 2 decimals"],
    ["s over 10^12 tenge", "s", "1000000000000.01", "above the maximum"],
    ["s of 17 digits", "s", "12345678901234567", "up to 2 decimals"],
    ["t missing", "t", null, "is required"],
    ["t with dashes", "t", "2026-12-04T10:15:42", "yyyyMMddTHHmmss"],
    ["t month 13", "t", "20261304T101542", "not a real date"],
    ["t on February 30", "t", "20260230T101542", "not a real date"],
    ["t hour 24", "t", "20261204T241542", "not a real date"],
    ["t three days ahead", "t", future, "in the future"],
  ];

  it.each(cases)("returns 400 for %s", async (_name, field, value, hint) => {
    const params = onlineParams();
    if (value === null) delete params[field];
    else params[field] = value;

    const { status, body } = await check(params);

    expect(status, JSON.stringify(body)).toBe(400);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain(`${field}: `);
    expect(body.error.message).toContain(hint);
  });

  it("writes nothing on any check", async () => {
    const before = await kkmSession(env, kkmId).getStatus();

    await check(onlineParams());
    await check({ ...onlineParams(), s: "1.00" });

    const after = await kkmSession(env, kkmId).getStatus();
    expect(after.receiptCount).toBe(before.receiptCount);
    expect(after.receiptCount).toBe(2);
  });
});

describe("OpenAPI document", () => {
  it("describes the check and its receipt", async () => {
    const response = await SELF.fetch("https://ofd.example/api/openapi.json");
    const document: any = await response.json();

    const operation = document.paths["/api/public/receipts/check"]?.get;
    expect(operation, "no GET /api/public/receipts/check").toBeDefined();
    expect(
      operation.parameters.map((p: { name: string }) => p.name).sort(),
    ).toEqual(["f", "i", "s", "t"]);
    expect(Object.keys(operation.responses).sort()).toEqual([
      "200",
      "400",
      "404",
      "429",
    ]);
    expect(document.components.schemas.PublicReceipt).toBeDefined();
  });
});

describe("lookup at scale", () => {
  const KKMS = 30;
  const RECEIPTS_PER_KKM = 40;
  let targets: { kkmId: number; kgdNumber: string }[] = [];

  /** Local time of receipt `n` of a KKM: one per minute from 08:00. */
  function localTimeOf(n: number): string {
    const minutes = 8 * 60 + n;
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    return `2026-12-03T${hh}:${mm}:00`;
  }

  /** Fiscal sign of receipt `n` of KKM number `k`, unique everywhere. */
  function signOf(k: number, n: number): string {
    return String(5_000_000_000 + k * 1000 + n);
  }

  beforeAll(async () => {
    const request = toBinary(
      TicketRequestSchema,
      create(TicketRequestSchema, saleTicket(1_000)),
    );
    for (let k = 0; k < KKMS; k++) {
      const kkm = await registeredKkm();
      targets.push({ kkmId: kkm.kkmId, kgdNumber: kkm.kgdNumber });
      await runInDurableObject(kkmSession(env, kkm.kkmId), (_, state) => {
        const store = new KkmStore(state.storage.sql, state.storage);
        store.transaction(() => {
          for (let n = 0; n < RECEIPTS_PER_KKM; n++) {
            store.insertReceipt({
              fiscalSign: signOf(k, n),
              shiftNumber: 1,
              operation: 2,
              localTime: localTimeOf(n),
              receivedAt: "2026-12-03T03:00:00.000Z",
              // Every KKM has the same totals, so only the sign distinguishes them.
              total: 1_000 + n,
              offlineNumber: n % 2 === 0 ? 500 + n : null,
              reqNum: n + 1,
              version: 203,
              qrUrl: `https://ofd.example/check?i=${signOf(k, n)}`,
              request,
            });
          }
        });
      });
    }
  });

  function queryOf(sign: string, n: number): ReceiptQuery {
    return {
      sign,
      total: 1_000 + n,
      localTimeFrom: localTimeOf(n),
      localTimeTo: localTimeOf(n),
    };
  }

  it("finds a receipt of the 17th KKM", async () => {
    const target = targets[16]!;

    const { status, body } = await check({
      i: signOf(16, 25),
      f: target.kgdNumber,
      s: "10.25",
      t: "20261203T082500",
    });

    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.fiscalSign).toBe(signOf(16, 25));
  });

  it("asks exactly one object", async () => {
    const target = targets[3]!;
    const findInKkm = vi.fn(async () => null);

    const result = await checkReceipt(
      drizzle(env.DB),
      findInKkm,
      {
        i: signOf(3, 5),
        f: target.kgdNumber,
        s: "10.05",
        t: "20261203T080500",
      },
      new Date(),
    );

    expect(result.reason).toBe("no_matching_receipt");
    expect(findInKkm).toHaveBeenCalledTimes(1);
    expect(findInKkm).toHaveBeenCalledWith(
      target.kkmId,
      queryOf(signOf(3, 5), 5),
    );
  });

  it("plans the lookup with indexes only", async () => {
    const plan = await runInDurableObject(
      kkmSession(env, targets[0]!.kkmId),
      (_, state) =>
        state.storage.sql
          .exec<{ detail: string }>(
            `EXPLAIN QUERY PLAN ${RECEIPT_LOOKUP_SQL}`,
            "5000000005",
            505,
            localTimeOf(5),
            localTimeOf(5),
            1_005,
          )
          .toArray()
          .map((row) => row.detail),
    );

    const text = plan.join("\n");
    expect(text, text).toContain("MULTI-INDEX OR");
    expect(text, text).toContain(
      "SEARCH receipts USING INDEX sqlite_autoindex_receipts_1 (fiscal_sign=?)",
    );
    expect(text, text).toContain(
      "SEARCH receipts USING INDEX receipts_offline_idx (offline_number=?)",
    );
    expect(text, text).not.toMatch(/SCAN receipts/);
  });

  it("finds the KKM by an indexed KGD number", async () => {
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM kkms WHERE kgd_number = ? LIMIT 1",
    )
      .bind(targets[0]!.kgdNumber)
      .all<{ detail: string }>();

    const text = plan.results.map((row) => row.detail).join("\n");
    expect(text, text).toContain("kkms_kgd_number_idx (kgd_number=?)");
  });

  it("reads few rows by sign or autonomous number", async () => {
    const stub = kkmSession(env, targets[0]!.kkmId);

    const [bySign, byNumber, miss] = await runInDurableObject(
      stub,
      (_, state) => [
        lookupReceipt(state.storage.sql, queryOf(signOf(0, 10), 10)),
        lookupReceipt(state.storage.sql, queryOf("510", 10)),
        lookupReceipt(state.storage.sql, queryOf("4999999999", 10)),
      ],
    );

    expect(bySign!.row?.fiscalSign).toBe(signOf(0, 10));
    expect(byNumber!.row?.fiscalSign).toBe(signOf(0, 10));
    expect(miss!.row).toBeNull();
    // Counts as workerd reports them; the next test shows they do not grow.
    expect(bySign!.rowsRead, "rows read by sign").toBe(1);
    expect(byNumber!.rowsRead, "rows read by number").toBe(2);
    expect(miss!.rowsRead, "rows read on a miss").toBe(0);
  });

  it("reads as few rows in a bigger object", async () => {
    const small = kkmSession(env, targets[1]!.kkmId);
    const big = kkmSession(env, targets[2]!.kkmId);
    const request = new Uint8Array([0]);
    await runInDurableObject(big, (_, state) => {
      const store = new KkmStore(state.storage.sql, state.storage);
      store.transaction(() => {
        // 1000 more receipts at the same minute and with the same total.
        for (let n = 0; n < 1000; n++) {
          store.insertReceipt({
            fiscalSign: String(6_000_000_000 + n),
            shiftNumber: 1,
            operation: 2,
            localTime: localTimeOf(7),
            receivedAt: "2026-12-03T03:00:00.000Z",
            total: 1_007,
            offlineNumber: 10_000 + n,
            reqNum: 100 + n,
            version: 203,
            qrUrl: "https://ofd.example/check",
            request,
          });
        }
      });
    });

    const read = (stub: typeof small, k: number) =>
      runInDurableObject(stub, (_, state) =>
        lookupReceipt(state.storage.sql, queryOf(signOf(k, 7), 7)),
      );
    const inSmall = await read(small, 1);
    const inBig = await read(big, 2);

    expect(inSmall.row?.fiscalSign).toBe(signOf(1, 7));
    expect(inBig.row?.fiscalSign).toBe(signOf(2, 7));
    expect(inSmall.rowsRead, "rows read among 40").toBe(1);
    expect(inBig.rowsRead, "rows read among 1040").toBe(1);
  });
});
