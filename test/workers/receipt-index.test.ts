import { env, runDurableObjectAlarm } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { CommandTypeEnum } from "../../proto/messages";
import { receiptIndex } from "../../worker/db/schema-receipts";
import { kkmSession } from "../../worker/domain/kkm-session-stub";
import { saleTicket } from "./frames";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

describe("receipt index", () => {
  it("gets each accepted receipt once", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    const signs: string[] = [];
    for (const tiyn of [1000, 2000, 3000]) {
      const response = await register.send({
        command: CommandTypeEnum.COMMAND_TICKET,
        ticket: saleTicket(tiyn),
      });
      signs.push(response.ticket?.ticketNumber ?? "");
    }
    const offline = { ...saleTicket(500), offlineTicketNumber: 1001 };
    await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: offline,
    });
    await register.send({
      command: CommandTypeEnum.COMMAND_TICKET,
      ticket: offline,
    });

    const stub = kkmSession(env, kkm.kkmId);
    await runDurableObjectAlarm(stub);
    await runDurableObjectAlarm(stub);
    const rows = await drizzle(env.DB)
      .select()
      .from(receiptIndex)
      .where(eq(receiptIndex.kkmId, kkm.kkmId))
      .orderBy(receiptIndex.id);

    expect(rows.map((row) => row.total)).toEqual([1000, 2000, 3000, 500]);
    expect(rows.slice(0, 3).map((row) => row.fiscalSign)).toEqual(signs);
    expect(rows[3]?.autonomousNumber).toBe(1001);
    expect(rows[0]).toMatchObject({
      organisationId: kkm.organisationId,
      shiftNumber: 1,
      operation: 2,
      localTime: "2026-12-04T12:30:00",
    });
    expect((await stub.getStatus()).pendingOutboxRows).toBe(0);
  });
});
