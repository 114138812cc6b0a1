import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import { CommandTypeEnum, TicketAdTypeEnum } from "../../proto/messages";
import { AppError } from "../../worker/errors";
import { setTicketAd } from "../../worker/domain/ticket-ads";
import { registeredKkm } from "./harness";
import { TestRegister } from "./session-client";

describe("ticket ads", () => {
  it("reach the organisation's KKMs with a new version", async () => {
    const kkm = await registeredKkm();
    const register = new TestRegister(kkm.kkmId, kkm.token);
    const db = drizzle(env.DB);

    await setTicketAd(db, env, {
      scope: "organisation",
      scopeId: kkm.organisationId,
      text: "Old",
    });
    const second = await setTicketAd(db, env, {
      scope: "organisation",
      scopeId: kkm.organisationId,
      text: "Welcome back!",
    });
    const info = await register.send({
      command: CommandTypeEnum.COMMAND_INFO,
      service: {
        ticketAdInfos: [{ type: TicketAdTypeEnum.TICKET_AD_ORG, version: 1n }],
      },
    });

    expect(second).toEqual({ version: 2, kkmsUpdated: 1 });
    const ad = info.service?.ticketAds.find(
      (item) => item.info?.type === TicketAdTypeEnum.TICKET_AD_ORG,
    );
    expect(ad?.info?.version).toBe(2n);
    expect(ad?.text).toBe("Welcome back!");
  });

  it("rejects an empty text", async () => {
    const db = drizzle(env.DB);
    const attempt = setTicketAd(db, env, {
      scope: "ofd",
      scopeId: "",
      text: "  ",
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(
      "text: expected 1 to 1000 characters, got 0",
    );
  });
});
