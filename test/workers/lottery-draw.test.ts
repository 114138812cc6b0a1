// The operator's draw: announcing, committing a seed hash, running the
// draw, the published result that anyone can recompute, and the buyers'
// single-use link to their own entries.
import { describe, expect, it } from "vitest";
import { drawWinners, listDigest } from "../../worker/domain/lottery/draw";
import { openMyEntries } from "../../worker/domain/lottery/my-entries";
import { drizzle } from "drizzle-orm/d1";
import { env } from "cloudflare:test";
import {
  almatyDay,
  createdDraw,
  drawFields,
  endPeriod,
  publicCall,
  sellingKkm,
  sha256,
} from "./lottery-fixtures";
import {
  call,
  lastMailTo,
  operatorSession,
  signUp,
  tokenOf,
} from "./portal/client";

const SEED = "winter-draw-seed-7f3a9c1e5b";

const DRAWS = "/api/operator/lottery/draws";

describe("operator routes", () => {
  it("rejects callers without a session", async () => {
    const result = await call("POST", DRAWS, { body: drawFields() });

    expect(result.status).toBe(401);
  });

  it("rejects taxpayers", async () => {
    const taxpayer = await signUp();

    const create = await call("POST", DRAWS, {
      session: taxpayer,
      body: drawFields(),
    });
    const list = await call("GET", DRAWS, { session: taxpayer });

    expect(create.status).toBe(403);
    expect(list.status).toBe(403);
  });

  it("rejects commit and draw without operator", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const taxpayer = await signUp();

    const commit = await call("POST", `${DRAWS}/${id}/commit`, {
      session: taxpayer,
      body: { seedHash: await sha256(SEED) },
    });
    const draw = await call("POST", `${DRAWS}/${id}/draw`, {
      body: { seed: SEED },
    });

    expect(commit.status).toBe(403);
    expect(draw.status).toBe(401);
  });
});

describe("draw creation", () => {
  it("creates an open draw", async () => {
    const operator = await operatorSession();

    const result = await call("POST", DRAWS, {
      session: operator,
      body: drawFields(),
    });

    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.draw).toMatchObject({
      title: "Winter draw",
      periodFrom: almatyDay(-5),
      periodTo: almatyDay(0),
      status: "open",
      seedHash: null,
      seed: null,
      entryCount: 0,
    });
  });

  it("rejects a reversed period", async () => {
    const operator = await operatorSession();

    const result = await call("POST", DRAWS, {
      session: operator,
      body: drawFields({ periodFrom: almatyDay(3), periodTo: almatyDay(1) }),
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      `Invalid request. periodTo: ${almatyDay(1)} is before periodFrom ${almatyDay(3)}; give the last day of the period`,
    );
  });

  it("rejects a period already ended", async () => {
    const operator = await operatorSession();

    const result = await call("POST", DRAWS, {
      session: operator,
      body: drawFields({ periodFrom: almatyDay(-9), periodTo: almatyDay(-1) }),
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(
      `Invalid request. periodTo: ${almatyDay(-1)} has passed`,
    );
  });

  it("rejects a prize count of 1001", async () => {
    const operator = await operatorSession();

    const result = await call("POST", DRAWS, {
      session: operator,
      body: drawFields({ prizeCount: 1001 }),
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. prizeCount: must be at most 1000",
    );
  });

  it("rejects an impossible date", async () => {
    const operator = await operatorSession();

    const result = await call("POST", DRAWS, {
      session: operator,
      body: drawFields({ periodFrom: "2026-02-30" }),
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. periodFrom: must be a real date in the form YYYY-MM-DD",
    );
  });
});

describe("seed commitment", () => {
  it("stores only the hash", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const hash = await sha256(SEED);

    const result = await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: hash.toUpperCase() },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.draw.seedHash).toBe(hash);
    expect(result.body.draw.seed).toBeNull();
  });

  it("rejects a second commitment", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const hash = await sha256(SEED);
    await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: hash },
    });

    const result = await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: await sha256("another-seed-123456") },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.message).toContain(
      `draw ${id} already has the seed hash ${hash}`,
    );
  });

  it("rejects a malformed hash", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);

    const result = await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: "abc" },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. seedHash: must be 64 hex digits, the SHA-256 of the seed",
    );
  });

  it("rejects commit after period end", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    await endPeriod(id);

    const result = await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: await sha256(SEED) },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.message).toBe(
      `the period of draw ${id} ended on ${almatyDay(-1)}; a seed hash must be committed before the period ends`,
    );
  });
});

describe("running the draw", () => {
  it("rejects a draw before period end", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: await sha256(SEED) },
    });

    const result = await call("POST", `${DRAWS}/${id}/draw`, {
      session: operator,
      body: { seed: SEED },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.message).toBe(
      `the period of draw ${id} ends on ${almatyDay(0)} (Asia/Almaty); run the draw from the next day`,
    );
  });

  it("rejects a draw without commitment", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    await endPeriod(id);

    const result = await call("POST", `${DRAWS}/${id}/draw`, {
      session: operator,
      body: { seed: SEED },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.message).toContain("has no committed seed hash");
  });

  it("rejects a wrong seed", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const hash = await sha256(SEED);
    await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: hash },
    });
    await endPeriod(id);

    const result = await call("POST", `${DRAWS}/${id}/draw`, {
      session: operator,
      body: { seed: `${SEED}-wrong` },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      `Invalid request. seed: SHA-256 of this seed is ${await sha256(`${SEED}-wrong`)}, but the committed hash is ${hash}; send the seed that was committed`,
    );
    const detail = await call("GET", `${DRAWS}/${id}`, { session: operator });
    expect(detail.body.draw.status).toBe("closed");
  });

  it("publishes recomputable winners", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator, { prizeCount: 2 });
    const kkm = await sellingKkm();
    const phones = ["+77010000001", "+77010000002", "+77010000003"];
    for (const [n, phone] of phones.entries()) {
      const sold = await kkm.sell(100_000 + n, almatyDay(-1));
      const entry = await publicCall(
        "POST",
        `/api/public/lottery/draws/${id}/entries`,
        { qrUrl: sold.qrUrl, contact: phone },
      );
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    }
    await call("POST", `${DRAWS}/${id}/commit`, {
      session: operator,
      body: { seedHash: await sha256(SEED) },
    });
    const early = await publicCall(
      "GET",
      `/api/public/lottery/draws/${id}/results`,
    );
    await endPeriod(id);

    const drawn = await call("POST", `${DRAWS}/${id}/draw`, {
      session: operator,
      body: { seed: SEED },
    });
    const results = await publicCall(
      "GET",
      `/api/public/lottery/draws/${id}/results`,
    );
    const again = await call("POST", `${DRAWS}/${id}/draw`, {
      session: operator,
      body: { seed: SEED },
    });

    expect(early.status).toBe(409);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    expect(drawn.body.draw.status).toBe("drawn");
    expect(drawn.body.draw.seed).toBe(SEED);
    expect(results.status).toBe(200);
    const hashes = results.body.entries.map(
      (entry: { keyHash: string }) => entry.keyHash,
    );
    expect(hashes).toEqual([...hashes].sort());
    expect(results.body.draw.listDigest).toBe(await listDigest(hashes));
    const expected = await drawWinners(SEED, hashes, 2);
    expect(
      results.body.winners.map((w: { keyHash: string }) => w.keyHash),
    ).toEqual(expected.winners.map((w) => w.keyHash));
    expect(results.body.entries[0].contactMasked).toMatch(
      /^\+7•••••••000[123]$/,
    );
    expect(results.body.entries[0].fiscalSignMasked).toMatch(/^••••\d{4}$/);
    expect(results.body.entries[0].kgdNumberMasked).toBe(
      `••••${kkm.kgdNumber.slice(-4)}`,
    );
    expect(again.status).toBe(409);
  });

  it("rejects entries after period end", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const kkm = await sellingKkm();
    const sold = await kkm.sell(100_000, almatyDay(-2));
    await endPeriod(id);

    const result = await publicCall(
      "POST",
      `/api/public/lottery/draws/${id}/entries`,
      { qrUrl: sold.qrUrl, contact: "+77010000009" },
    );

    expect(result.status).toBe(409);
    expect(result.body.error.message).toContain(`draw ${id} is closed`);
  });
});

describe("my entries link", () => {
  it("accepts an unknown contact silently", async () => {
    const result = await publicCall(
      "POST",
      "/api/public/lottery/my-entries/link",
      {
        contact: "nobody@example.kz",
      },
    );

    expect(result.status).toBe(202);
    await expect(lastMailTo("nobody@example.kz")).rejects.toThrow(
      "no mail to nobody@example.kz",
    );
  });

  it("texts a phone, opening once", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const kkm = await sellingKkm();
    const sold = await kkm.sell(100_000, almatyDay(-1));
    await publicCall("POST", `/api/public/lottery/draws/${id}/entries`, {
      qrUrl: sold.qrUrl,
      contact: "+7 777 555 11 22",
    });

    const sent = await publicCall(
      "POST",
      "/api/public/lottery/my-entries/link",
      { contact: "+77775551122" },
    );
    const sms = await lastMailTo("sms:+77775551122");
    const token = tokenOf(sms.link);
    const first = await publicCall(
      "GET",
      `/api/public/lottery/my-entries?token=${token}`,
    );
    const second = await publicCall(
      "GET",
      `/api/public/lottery/my-entries?token=${token}`,
    );

    expect(sent.status).toBe(202);
    expect(sms.link).toBe(
      `https://ofd.example/lottery/my-entries?token=${token}`,
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.contactMasked).toBe("+7•••••••1122");
    expect(first.body.entries).toEqual([
      {
        drawId: id,
        drawTitle: "Winter draw",
        drawStatus: "open",
        kgdNumber: sold.kgdNumber,
        fiscalSign: sold.fiscalSign,
        receiptDateTime: `${almatyDay(-1)}T12:30:05`,
        receiptTotal: 100_000,
        keyHash: await sha256(`${sold.kgdNumber}:${sold.fiscalSign}`),
        place: null,
        createdAt: first.body.entries[0].createdAt,
      },
    ]);
    expect(second.status).toBe(404);
    expect(second.body.error.message).toBe(
      "this link is unknown, already used or expired; ask for a new link on the my entries page",
    );
  });

  it("mails an e-mail contact", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const kkm = await sellingKkm();
    const sold = await kkm.sell(100_000, almatyDay(-1));
    await publicCall("POST", `/api/public/lottery/draws/${id}/entries`, {
      qrUrl: sold.qrUrl,
      contact: "mail.buyer@example.kz",
    });

    await publicCall("POST", "/api/public/lottery/my-entries/link", {
      contact: "Mail.Buyer@example.kz",
    });
    const mail = await lastMailTo("mail.buyer@example.kz");

    expect(mail.subject).toBe("Your OFD lottery entries");
    expect(mail.link).toContain("/lottery/my-entries?token=");
  });

  it("expires after 30 minutes", async () => {
    const operator = await operatorSession();
    const id = await createdDraw(operator);
    const kkm = await sellingKkm();
    const sold = await kkm.sell(100_000, almatyDay(-1));
    await publicCall("POST", `/api/public/lottery/draws/${id}/entries`, {
      qrUrl: sold.qrUrl,
      contact: "late@example.kz",
    });
    await publicCall("POST", "/api/public/lottery/my-entries/link", {
      contact: "late@example.kz",
    });
    const token = tokenOf((await lastMailTo("late@example.kz")).link);

    const later = new Date(Date.now() + 31 * 60 * 1000);
    const outcome = await openMyEntries(drizzle(env.DB), token, later);

    expect(outcome.reason).toBe("invalid_link");
  });

  it("rejects a malformed token", async () => {
    const result = await publicCall(
      "GET",
      "/api/public/lottery/my-entries?token=xyz",
    );

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "Invalid request. token: must be the 64 hex digits of the link you received",
    );
  });

  it("rejects an invalid contact", async () => {
    const result = await publicCall(
      "POST",
      "/api/public/lottery/my-entries/link",
      {
        contact: "someone",
      },
    );

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("Invalid request. contact:");
  });
});

describe("OpenAPI document", () => {
  it("lists the lottery routes", async () => {
    const result = await call("GET", "/api/openapi.json");

    expect(result.status).toBe(200);
    const paths = Object.keys(result.body.paths);
    for (const route of [
      "/api/operator/lottery/draws",
      "/api/operator/lottery/draws/{id}/commit",
      "/api/operator/lottery/draws/{id}/draw",
      "/api/public/lottery/draws/{id}/entries",
      "/api/public/lottery/draws/{id}/results",
      "/api/public/lottery/my-entries/link",
    ]) {
      expect(paths, `missing ${route}`).toContain(route);
    }
  });
});

describe("rate limit", () => {
  it("limits one address to 60 a minute", async () => {
    const statuses: number[] = [];
    // The window is fixed to whole minutes; start clear of its end.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 40_000) {
      await new Promise((resolve) => setTimeout(resolve, 60_500 - intoWindow));
    }

    for (let n = 0; n < 61; n++) {
      const result = await call("GET", "/api/public/lottery/draws", {
        headers: { "cf-connecting-ip": "10.99.0.1" },
      });
      statuses.push(result.status);
    }

    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  }, 90_000);
});
