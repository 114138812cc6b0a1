// Entering receipts into a draw through POST /api/public/lottery/draws/
// {id}/entries: every rule checked against the real receipt, every failure
// a clear 4xx that writes nothing.
import { env } from "cloudflare:test";
import { count } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import { lotteryEntries } from "../../worker/db/schema-lottery";
import { sha256Hex } from "../../worker/domain/lottery/draw";
import { RECEIPT_NOT_FOUND } from "../../worker/routes/public/receipts";
import {
  almatyDay,
  createdDraw,
  publicCall,
  sellingKkm,
  type SoldReceipt,
} from "./lottery-fixtures";
import { operatorSession, type Session } from "./portal/client";

let operator: Session;
let drawId: string;
let kkm: Awaited<ReturnType<typeof sellingKkm>>;
let inPeriod: SoldReceipt;
let byQr: SoldReceipt;

beforeAll(async () => {
  operator = await operatorSession();
  drawId = await createdDraw(operator);
  kkm = await sellingKkm();
  inPeriod = await kkm.sell(123_450, almatyDay(-1));
  byQr = await kkm.sell(60_000, almatyDay(-2));
});

function entriesPath(id = drawId): string {
  return `/api/public/lottery/draws/${id}/entries`;
}

function fields(receipt: SoldReceipt) {
  return {
    i: receipt.fiscalSign,
    f: receipt.kgdNumber,
    s: receipt.sum,
    t: receipt.time,
  };
}

async function entryCount(): Promise<number> {
  const rows = await drizzle(env.DB)
    .select({ entries: count() })
    .from(lotteryEntries);
  return rows[0]!.entries;
}

/** Posts an entry that must fail; checks that nothing was written. */
async function rejected(body: unknown, id = drawId) {
  const before = await entryCount();
  const result = await publicCall("POST", entriesPath(id), body);
  expect(await entryCount(), "a rejected entry was stored").toBe(before);
  return result;
}

describe("accepted entries", () => {
  it("enters by four numbers", async () => {
    const result = await publicCall("POST", entriesPath(), {
      ...fields(inPeriod),
      contact: "+7 (701) 234-56-78",
    });

    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.entry).toEqual({
      id: result.body.entry.id,
      drawId,
      kgdNumber: inPeriod.kgdNumber,
      fiscalSign: inPeriod.fiscalSign,
      receiptDateTime: `${almatyDay(-1)}T12:30:05`,
      receiptTotal: 123_450,
      contactMasked: "+7•••••••5678",
      keyHash: await sha256Hex(`${inPeriod.kgdNumber}:${inPeriod.fiscalSign}`),
      createdAt: result.body.entry.createdAt,
    });
  });

  it("enters by QR link", async () => {
    const result = await publicCall("POST", entriesPath(), {
      qrUrl: byQr.qrUrl,
      contact: " Buyer@Example.KZ ",
    });

    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.entry.fiscalSign).toBe(byQr.fiscalSign);
    expect(result.body.entry.contactMasked).toBe("b•••@example.kz");
  });

  it("counts entries in the draw", async () => {
    const result = await publicCall(
      "GET",
      `/api/public/lottery/draws/${drawId}`,
    );

    expect(result.status).toBe(200);
    expect(result.body.draw.entryCount).toBe(2);
    expect(result.body.draw.status).toBe("open");
    expect(result.body.draw.seed).toBeNull();
  });
});

describe("rejected entries", () => {
  it("rejects a duplicate receipt", async () => {
    const result = await rejected({
      qrUrl: inPeriod.qrUrl,
      contact: "other@example.kz",
    });

    expect(result.status).toBe(409);
    expect(result.body.error.message).toBe(
      `receipt ${inPeriod.fiscalSign} of KKM ${inPeriod.kgdNumber} is already entered in draw ${drawId}; each receipt enters a draw once`,
    );
  });

  it("rejects a receipt outside the period", async () => {
    const old = await kkm.sell(90_000, almatyDay(-10));

    const result = await rejected({ ...fields(old), contact: "+77012345678" });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      `Invalid request. t: the receipt is dated ${almatyDay(-10)}, outside the draw period ${almatyDay(-5)} to ${almatyDay(0)}`,
    );
  });

  it("names the QR parameter outside the period", async () => {
    const old = await kkm.sell(91_000, almatyDay(-9));

    const result = await rejected({
      qrUrl: old.qrUrl,
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(
      "Invalid request. qrUrl (parameter t): the receipt is dated",
    );
  });

  it("rejects a total below the minimum", async () => {
    const small = await kkm.sell(49_999, almatyDay(-1));

    const result = await rejected({
      ...fields(small),
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. s: the receipt total 499.99 tenge is below the draw's minimum of 500.00 tenge",
    );
  });

  it("rejects a return receipt", async () => {
    const sale = await kkm.sell(70_000, almatyDay(-1));
    const refund = await kkm.sell(70_000, almatyDay(-1), sale);

    const result = await rejected({
      ...fields(refund),
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. receipt: the receipt is a sell return receipt; only sale receipts take part in draws",
    );
  });

  it("rejects an unknown receipt", async () => {
    const result = await rejected({
      ...fields(inPeriod),
      s: "1234.51",
      contact: "+77012345678",
    });

    expect(result.status).toBe(404);
    expect(result.body.error.message).toBe(RECEIPT_NOT_FOUND);
  });

  it("rejects an unknown KGD number", async () => {
    const result = await rejected({
      ...fields(inPeriod),
      f: "999999999999",
      contact: "+77012345678",
    });

    expect(result.status).toBe(404);
    expect(result.body.error.message).toBe(RECEIPT_NOT_FOUND);
  });

  it("rejects an invalid phone", async () => {
    const result = await rejected({ ...fields(inPeriod), contact: "+7 701" });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. contact: phone +7 701 is invalid; expected +7 and 10 digits, e.g. +7 701 234 5678",
    );
  });

  it("rejects a contact of neither kind", async () => {
    const result = await rejected({
      ...fields(inPeriod),
      contact: "87012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. contact: must be a phone starting with +7 (e.g. +7 701 234 5678) or an e-mail address",
    );
  });

  it("rejects a missing contact", async () => {
    const result = await rejected(fields(inPeriod));

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("contact: is required");
  });

  it("rejects both link and numbers", async () => {
    const result = await rejected({
      qrUrl: inPeriod.qrUrl,
      i: inPeriod.fiscalSign,
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. qrUrl: give either qrUrl or the fields i, f, s and t, not both (got i too)",
    );
  });

  it("names missing numbers", async () => {
    const result = await rejected({
      i: inPeriod.fiscalSign,
      f: inPeriod.kgdNumber,
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(
      "Invalid request. s, t: missing;",
    );
  });

  it("names a malformed number", async () => {
    const result = await rejected({
      ...fields(inPeriod),
      f: "12345",
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. f: invalid value; expected the 12-digit KGD registration number",
    );
  });

  it("rejects a link without a parameter", async () => {
    const url = inPeriod.qrUrl.replace(/&s=[^&]+/, "");

    const result = await rejected({ qrUrl: url, contact: "+77012345678" });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. qrUrl: has no parameter s (the total in tenge with up to 2 decimals after a dot); paste the whole link of the receipt's QR code",
    );
  });

  it("rejects text that is no URL", async () => {
    const result = await rejected({
      qrUrl: "check?i=1",
      contact: "+77012345678",
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(
      "Invalid request. qrUrl: is not a URL",
    );
  });

  it("rejects an unknown draw", async () => {
    const unknown = "draw_000000000000000000000000";

    const result = await rejected(
      { ...fields(inPeriod), contact: "+77012345678" },
      unknown,
    );

    expect(result.status).toBe(404);
    expect(result.body.error.message).toBe(
      `draw ${unknown} not found; take the id from the list of draws`,
    );
  });

  it("rejects a malformed draw id", async () => {
    const result = await rejected(
      { ...fields(inPeriod), contact: "+77012345678" },
      "nope",
    );

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. id: must be a draw id like draw_4f1c…",
    );
  });

  it("rejects entries before the period", async () => {
    const later = await createdDraw(operator, {
      periodFrom: almatyDay(2),
      periodTo: almatyDay(9),
    });

    const result = await rejected(
      { ...fields(inPeriod), contact: "+77012345678" },
      later,
    );

    expect(result.status).toBe(409);
    expect(result.body.error.message).toBe(
      `draw ${later} is upcoming: it takes entries from ${almatyDay(2)} to ${almatyDay(9)} (Asia/Almaty), and today is ${almatyDay(0)}`,
    );
  });
});

describe("public draw list", () => {
  it("lists draws with rules", async () => {
    const result = await publicCall("GET", "/api/public/lottery/draws");

    expect(result.status).toBe(200);
    const draw = result.body.items.find((d: { id: string }) => d.id === drawId);
    expect(draw.rulesText).toBe(
      "Sale receipts of at least 500 tenge take part.",
    );
    expect(draw.minReceiptTotal).toBe(50_000);
    expect(draw.prizeCount).toBe(3);
  });
});
