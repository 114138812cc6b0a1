import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../portal/client";
import { call } from "../portal/client";
import {
  activate,
  activationForm,
  memberWith,
  ownerWithOffer,
  registryCounts,
} from "./helpers";

let kkmId: number;
let noRights: Session;
let viewer: Session;

beforeAll(async () => {
  const owner = await ownerWithOffer();
  kkmId = (await activate(owner)).kkm.id;
  noRights = await memberWith(owner.organisationId, ["manage_users"]);
  viewer = await memberWith(owner.organisationId, ["view_reports"]);
});

/** Routes that read: [method, path]. */
const reads: [string, () => string][] = [
  ["GET", () => "/api/kkms/models"],
  ["GET", () => "/api/kkms/points-of-sale"],
  ["GET", () => "/api/kkms"],
  ["GET", () => `/api/kkms/${kkmId}`],
  ["GET", () => `/api/kkms/${kkmId}/transactions`],
  ["GET", () => `/api/kkms/${kkmId}/receipts/1234567890`],
  ["GET", () => `/api/kkms/${kkmId}/live`],
  ["GET", () => `/api/kkms/${kkmId}/reports`],
  ["GET", () => `/api/kkms/${kkmId}/reports/1`],
  ["GET", () => "/api/receipts"],
  ["GET", () => "/api/exports/receipts.csv"],
  ["GET", () => "/api/exports/reports.csv"],
];

/** Routes that change: [method, path, body]. */
const changes: [string, () => string, unknown][] = [
  [
    "POST",
    () => "/api/kkms/points-of-sale",
    { title: "A", city: "B", address: "C" },
  ],
  ["POST", () => "/api/kkms", activationForm()],
  ["PUT", () => `/api/kkms/${kkmId}`, { internalName: "X" }],
  ["POST", () => `/api/kkms/${kkmId}/token`, undefined],
  ["POST", () => `/api/kkms/${kkmId}/deregister`, { reason: "x" }],
  ["POST", () => `/api/kkms/${kkmId}/block`, { reason: "x" }],
  ["POST", () => `/api/kkms/${kkmId}/unblock`, undefined],
];

describe("rights", () => {
  it.each(reads.map(([m, p], i) => [m, i, p] as const))(
    "%s route %i needs view_reports",
    async (method, _index, path) => {
      const result = await call(method, path(), { session: noRights });

      expect(result.status, `${path()}: ${JSON.stringify(result.body)}`).toBe(
        403,
      );
      expect(result.body.error.code).toBe("FORBIDDEN");
      expect(result.body.error.message).toContain("view_reports");
    },
  );

  it.each(changes.map(([m, p, b], i) => [m, i, p, b] as const))(
    "%s route %i needs manage_kkms",
    async (method, _index, path, body) => {
      const before = await registryCounts();

      const result = await call(method, path(), { session: viewer, body });

      expect(result.status, `${path()}: ${JSON.stringify(result.body)}`).toBe(
        403,
      );
      expect(result.body.error.code).toBe("FORBIDDEN");
      expect(result.body.error.message).toContain("manage_kkms");
      expect(await registryCounts()).toEqual(before);
    },
  );

  it("lets a viewer read", async () => {
    const result = await call("GET", `/api/kkms/${kkmId}`, { session: viewer });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
  });

  it("needs a session", async () => {
    const result = await call("GET", "/api/kkms");

    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe("UNAUTHORIZED");
  });

  it("needs the CSRF header", async () => {
    const owner = await ownerWithOffer();

    const result = await call("POST", "/api/kkms", {
      session: owner,
      csrf: null,
      body: activationForm(),
    });

    expect(result.status).toBe(403);
    expect(result.body.error.message).toContain("x-csrf-token");
  });
});
