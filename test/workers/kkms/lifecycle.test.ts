import { describe, expect, it } from "vitest";
import { CommandTypeEnum } from "../../../proto/messages";
import { saleTicket } from "../frames";
import { call, registeredTaxpayer } from "../portal/client";
import { TestRegister } from "../session-client";
import {
  activate,
  activationForm,
  freshKgdNumber,
  kkmRow,
  ownerWithOffer,
  registryCounts,
} from "./helpers";

const sale = (tiyn: number) => ({
  command: CommandTypeEnum.COMMAND_TICKET,
  ticket: saleTicket(tiyn),
});

describe("KKM activation", () => {
  it("stores every form field", async () => {
    const owner = await ownerWithOffer();
    const form = activationForm({
      deviceType: "fiscal-registrar",
      connectionMethod: "wireless",
      filedBy: "cto",
      modelId: "shtrih-m-01f",
    });

    const created = await call("POST", "/api/kkms", {
      session: owner,
      body: form,
    });
    const details = await call("GET", `/api/kkms/${created.body.kkm?.id}`, {
      session: owner,
    });

    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.token).toBeGreaterThan(0);
    expect(details.status, JSON.stringify(details.body)).toBe(200);
    expect(details.body).toMatchObject({
      id: created.body.kkm.id,
      kgdNumber: form.kgdNumber,
      previousKgdNumber: null,
      serialNumber: "SN-000123",
      modelId: "shtrih-m-01f",
      model: "ШТРИХ-М-01Ф",
      internalName: "Касса 1",
      timeZone: "Asia/Almaty",
      deviceType: "fiscal-registrar",
      connectionMethod: "wireless",
      operatingSystem: "Windows 10",
      filedBy: "cto",
      status: "registered",
      activatedAt: null,
      pointOfSale: {
        title: "Магазин на Кенесары",
        city: "Астана",
        address: "ул. Кенесары, 40",
      },
      live: { online: false, receiptCount: 0, openShiftNumber: null },
      shift: { shiftNumber: null, salesTotal: 0 },
    });
    expect(JSON.stringify(details.body)).not.toContain(
      String(created.body.token),
    );
  });

  it("uses an existing point of sale", async () => {
    const owner = await ownerWithOffer();
    const point = await call("POST", "/api/kkms/points-of-sale", {
      session: owner,
      body: { title: "Склад", city: "Алматы", address: "пр. Абая, 1" },
    });

    const created = await activate(owner, {
      newPointOfSale: undefined,
      pointOfSaleId: point.body.pointOfSale.id,
    });
    const points = await call("GET", "/api/kkms/points-of-sale", {
      session: owner,
    });

    expect(point.status, JSON.stringify(point.body)).toBe(201);
    expect(created.kkm.pointOfSaleId).toBe(point.body.pointOfSale.id);
    expect(points.body.items).toHaveLength(1);
  });

  it("records the first exchange as activation", async () => {
    const owner = await ownerWithOffer();
    const { kkm, token } = await activate(owner);
    const register = new TestRegister(kkm.id, token);

    const response = await register.send(sale(15050));
    const details = await call("GET", `/api/kkms/${kkm.id}`, {
      session: owner,
    });
    const row = await kkmRow(kkm.id);

    expect(response.result?.resultCode).toBe(0);
    expect(details.body.status).toBe("activated");
    expect(details.body.activatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(details.body.live).toMatchObject({ online: true, receiptCount: 1 });
    expect(details.body.shift).toMatchObject({
      shiftNumber: 1,
      salesTotal: 15050,
    });
    expect(row?.status).toBe("activated");
    expect(row?.activatedAt).toBe(details.body.activatedAt);
  });

  it("shows activation in the list too", async () => {
    const owner = await ownerWithOffer();
    const { kkm, token } = await activate(owner);
    await new TestRegister(kkm.id, token).send(sale(100));

    const list = await call("GET", "/api/kkms", { session: owner });

    expect(list.body.groups[0].kkms[0].status).toBe("activated");
    expect((await kkmRow(kkm.id))?.status).toBe("activated");
  });

  it("is refused until the offer is accepted", async () => {
    const owner = await registeredTaxpayer();
    const before = await registryCounts();

    const result = await call("POST", "/api/kkms", {
      session: owner,
      body: activationForm({ kgdNumber: "12" }),
    });

    expect(result.status, JSON.stringify(result.body)).toBe(403);
    expect(result.body.error.code).toBe("FORBIDDEN");
    expect(result.body.error.message).toContain("offer contract");
    expect(await registryCounts()).toEqual(before);
  });

  it("rejects a KGD number in use", async () => {
    const owner = await ownerWithOffer();
    const first = await activate(owner);
    const before = await registryCounts();

    const result = await call("POST", "/api/kkms", {
      session: owner,
      body: activationForm({ kgdNumber: first.kkm.kgdNumber }),
    });

    expect(result.status, JSON.stringify(result.body)).toBe(409);
    expect(result.body.error.code).toBe("CONFLICT");
    expect(result.body.error.message).toContain(first.kkm.kgdNumber);
    expect(await registryCounts()).toEqual(before);
  });
});

describe("KKM changes", () => {
  it("keeps the previous KGD number", async () => {
    const owner = await ownerWithOffer();
    const { kkm } = await activate(owner);
    const next = freshKgdNumber();

    const result = await call("PUT", `/api/kkms/${kkm.id}`, {
      session: owner,
      body: {
        kgdNumber: next,
        internalName: "Касса 2",
        timeZone: "Asia/Aqtobe",
      },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.kkm).toMatchObject({
      kgdNumber: next,
      previousKgdNumber: kkm.kgdNumber,
      internalName: "Касса 2",
      timeZone: "Asia/Aqtobe",
    });
  });

  it("rejects another KKM's KGD number", async () => {
    const owner = await ownerWithOffer();
    const first = await activate(owner);
    const second = await activate(owner);

    const result = await call("PUT", `/api/kkms/${second.kkm.id}`, {
      session: owner,
      body: { kgdNumber: first.kkm.kgdNumber },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(409);
    expect(result.body.error.code).toBe("CONFLICT");
    expect((await kkmRow(second.kkm.id))?.kgdNumber).toBe(second.kkm.kgdNumber);
  });

  it("changes profile fields alone", async () => {
    const owner = await ownerWithOffer();
    const { kkm } = await activate(owner);

    const result = await call("PUT", `/api/kkms/${kkm.id}`, {
      session: owner,
      body: { operatingSystem: "Android 14", modelId: "sunmi-v2-pro" },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.kkm).toMatchObject({
      operatingSystem: "Android 14",
      modelId: "sunmi-v2-pro",
      model: "SUNMI V2 Pro",
      connectionMethod: "wired",
    });
  });

  it("token reset stops the old token", async () => {
    const owner = await ownerWithOffer();
    const { kkm, token: oldToken } = await activate(owner);

    const reset = await call("POST", `/api/kkms/${kkm.id}/token`, {
      session: owner,
    });
    const withOld = await new TestRegister(kkm.id, oldToken).send(sale(100));
    const withNew = await new TestRegister(kkm.id, reset.body.token).send(
      sale(100),
    );

    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.token).not.toBe(oldToken);
    expect(withOld.result?.resultCode).toBe(2);
    expect(withNew.result?.resultCode).toBe(0);
  });

  it("deregistration keeps data and blocks", async () => {
    const owner = await ownerWithOffer();
    const { kkm, token } = await activate(owner);
    const register = new TestRegister(kkm.id, token);
    const first = await register.send(sale(500));

    const result = await call("POST", `/api/kkms/${kkm.id}/deregister`, {
      session: owner,
      body: { reason: "Продана" },
    });
    const after = await register.send(sale(700));
    const receipt = await call(
      "GET",
      `/api/kkms/${kkm.id}/receipts/${first.ticket?.ticketNumber}`,
      { session: owner },
    );
    const again = await call("POST", `/api/kkms/${kkm.id}/token`, {
      session: owner,
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.kkm).toMatchObject({
      status: "deregistered",
      blockReason: "Продана",
    });
    expect(result.body.kkm.deregisteredAt).toMatch(/^\d{4}-/);
    expect(after.result?.resultCode).toBe(15);
    expect(receipt.status).toBe(200);
    expect(receipt.body.total).toBe(500);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
  });

  it("blocks and unblocks a KKM", async () => {
    const owner = await ownerWithOffer();
    const { kkm, token } = await activate(owner);
    const register = new TestRegister(kkm.id, token);
    await register.send(sale(100));

    const blocked = await call("POST", `/api/kkms/${kkm.id}/block`, {
      session: owner,
      body: { reason: "Ремонт" },
    });
    const refused = await register.send(sale(200));
    const unblocked = await call("POST", `/api/kkms/${kkm.id}/unblock`, {
      session: owner,
    });
    const accepted = await register.send(sale(300));

    expect(blocked.body.kkm.status).toBe("blocked");
    expect(refused.result?.resultCode).toBe(15);
    expect(unblocked.status, JSON.stringify(unblocked.body)).toBe(200);
    expect(unblocked.body.kkm.status).toBe("activated");
    expect(accepted.result?.resultCode).toBe(0);
  });
});

describe("KKM API document", () => {
  it("lists the KKM routes", async () => {
    const result = await call("GET", "/api/openapi.json");

    expect(Object.keys(result.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/kkms",
        "/api/kkms/models",
        "/api/kkms/{id}",
        "/api/kkms/{id}/reports/{reportId}",
        "/api/receipts",
        "/api/exports/receipts.csv",
      ]),
    );
  });
});
