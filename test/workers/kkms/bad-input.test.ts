import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../portal/client";
import {
  activate,
  activationForm,
  kkmRow,
  ownerWithOffer,
  registryCounts,
  type Owner,
} from "./helpers";

let owner: Owner;
let kkmId: number;

beforeAll(async () => {
  owner = await ownerWithOffer();
  kkmId = (await activate(owner)).kkm.id;
});

/** Activation forms with one bad field: [field named, overrides]. */
const badForms: [string, Record<string, unknown>][] = [
  ["kgdNumber", { kgdNumber: "12345" }],
  ["kgdNumber", { kgdNumber: "62030001234X" }],
  ["serialNumber", { serialNumber: "" }],
  ["modelId", { modelId: "no-such-model" }],
  ["internalName", { internalName: "   " }],
  ["timeZone", { timeZone: "Mars/Olympus" }],
  ["timeZone", { timeZone: "+05:00" }],
  ["deviceType", { deviceType: "toaster" }],
  ["connectionMethod", { connectionMethod: "pigeon" }],
  ["operatingSystem", { operatingSystem: "" }],
  ["filedBy", { filedBy: "neighbour" }],
  ["pointOfSaleId", { pointOfSaleId: "pos_missing" }],
  ["pointOfSaleId", { pointOfSaleId: "pos_x", newPointOfSale: undefined }],
  ["pointOfSaleId", { newPointOfSale: undefined }],
  [
    "newPointOfSale.city",
    { newPointOfSale: { title: "A", city: "", address: "B" } },
  ],
];

describe("activation input", () => {
  it.each(badForms)("rejects a bad %s", async (field, overrides) => {
    const before = await registryCounts();

    const result = await call("POST", "/api/kkms", {
      session: owner,
      body: activationForm(overrides),
    });

    expect(result.status, JSON.stringify(result.body)).toBe(400);
    expect(result.body.error.code).toBe("BAD_REQUEST");
    expect(result.body.error.message).toContain(field);
    expect(await registryCounts()).toEqual(before);
  });
});

/** Bad changes of an existing KKM: [field named, body]. */
const badChanges: [string, Record<string, unknown>][] = [
  ["kgdNumber", { kgdNumber: "1" }],
  ["timeZone", { timeZone: "Asia/Nowhere" }],
  ["modelId", { modelId: "no-such-model" }],
  ["deviceType", { deviceType: "toaster" }],
  ["body", {}],
  ["colour", { colour: "red" }],
];

describe("change input", () => {
  it.each(badChanges)("rejects a bad %s", async (field, body) => {
    const before = await kkmRow(kkmId);

    const result = await call("PUT", `/api/kkms/${kkmId}`, {
      session: owner,
      body,
    });

    expect(result.status, JSON.stringify(result.body)).toBe(400);
    expect(result.body.error.message).toContain(field);
    expect(await kkmRow(kkmId)).toEqual(before);
  });

  it("rejects an empty reason", async () => {
    const result = await call("POST", `/api/kkms/${kkmId}/deregister`, {
      session: owner,
      body: { reason: "" },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("reason");
    expect((await kkmRow(kkmId))?.status).toBe("registered");
  });
});

/** Bad query strings: [field named, path]. */
const badQueries: [string, () => string][] = [
  ["limit", () => "/api/kkms?limit=101"],
  ["limit", () => "/api/kkms?limit=0"],
  ["status", () => "/api/kkms?status=lost"],
  ["registeredFrom", () => "/api/kkms?registeredFrom=2026-02-30"],
  [
    "registeredTo",
    () => "/api/kkms?registeredFrom=2026-02-02&registeredTo=2026-02-01",
  ],
  ["kgdNumber", () => "/api/kkms?kgdNumber=abc"],
  ["deviceType", () => "/api/kkms?deviceType=toaster"],
  ["cursor", () => "/api/kkms?cursor=garbage"],
  ["id", () => "/api/kkms/abc"],
  ["date", () => `/api/kkms/${kkmId}/transactions?date=04.12.2026`],
  [
    "shiftNumber",
    () => `/api/kkms/${kkmId}/transactions?date=2026-12-04&shiftNumber=1`,
  ],
  ["limit", () => `/api/kkms/${kkmId}/transactions?limit=500`],
  ["cursor", () => `/api/kkms/${kkmId}/transactions?cursor=x`],
  ["fiscalSign", () => `/api/kkms/${kkmId}/receipts/abc`],
  ["kind", () => `/api/kkms/${kkmId}/reports?kind=Y`],
  ["to", () => `/api/kkms/${kkmId}/reports?from=2026-12-05&to=2026-12-04`],
  ["reportId", () => `/api/kkms/${kkmId}/reports/first`],
  ["from", () => "/api/receipts?from=yesterday"],
  ["minTotal", () => "/api/receipts?minTotal=1.5"],
  ["maxTotal", () => "/api/receipts?minTotal=500&maxTotal=100"],
  ["limit", () => "/api/receipts?limit=1000"],
  ["cursor", () => "/api/receipts?cursor=WyJhIl0"],
  ["to", () => "/api/exports/receipts.csv?to=2026-13-01"],
  ["kind", () => "/api/exports/reports.csv?kind=Q"],
];

describe("query input", () => {
  it.each(badQueries)("rejects a bad %s", async (field, path) => {
    const result = await call("GET", path(), { session: owner });

    expect(result.status, `${path()}: ${JSON.stringify(result.body)}`).toBe(
      400,
    );
    expect(result.body.error.code).toBe("BAD_REQUEST");
    expect(result.body.error.message).toContain(field);
  });
});
