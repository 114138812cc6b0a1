// The per-address limit of the public receipt check: the RateLimiter
// object, its window arithmetic, its self-expiry, and the 429 through the
// Worker.
import {
  env,
  runDurableObjectAlarm,
  runInDurableObject,
  SELF,
} from "cloudflare:test";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { decide } from "../../durable/rate-limiter";
import {
  clientKey,
  RECEIPT_CHECK_LIMIT,
  RECEIPT_CHECK_WINDOW_MS,
  UNKNOWN_CLIENT_KEY,
} from "../../worker/routes/public/rate-limit";

const CHECK_URL =
  "https://ofd.example/api/public/receipts/check?i=1&f=999999999999&s=1.00&t=20261201T100000";

function limiter(name: string) {
  return env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(name));
}

function checkFrom(address: string | null): Promise<Response> {
  const headers: Record<string, string> = {};
  if (address !== null) headers["cf-connecting-ip"] = address;
  return SELF.fetch(CHECK_URL, { headers });
}

/** Sends `count` checks from `address` and returns their statuses. */
async function checksFrom(
  address: string | null,
  count: number,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let n = 0; n < count; n++) {
    const response = await checkFrom(address);
    await response.body?.cancel();
    statuses.push(response.status);
  }
  return statuses;
}

describe("decide", () => {
  const WINDOW = 60_000;
  const start = 1_800_000_000_000 - (1_800_000_000_000 % WINDOW);

  it("allows the first request", () => {
    const next = decide(null, start + 5_000, 2, WINDOW);

    expect(next.decision).toEqual({ allowed: true, remaining: 1 });
    expect(next.windowStart).toBe(start);
    expect(next.count).toBe(1);
  });

  it("rejects past the limit", () => {
    const stored = { windowStart: start, count: 2 };

    const next = decide(stored, start + 15_500, 2, WINDOW);

    expect(next.decision).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(next.count).toBe(2);
  });

  it("waits at least one second", () => {
    const stored = { windowStart: start, count: 2 };

    const next = decide(stored, start + WINDOW - 1, 2, WINDOW);

    expect(next.decision).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("starts over in the next window", () => {
    const stored = { windowStart: start, count: 2 };

    const next = decide(stored, start + WINDOW, 2, WINDOW);

    expect(next.decision).toEqual({ allowed: true, remaining: 1 });
    expect(next.windowStart).toBe(start + WINDOW);
  });
});

describe("clientKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::ffff:198.51.100.4", "198.51.100.4"],
    ["not an address", "not an address"],
    ["", UNKNOWN_CLIENT_KEY],
  ])("keys %s as %s", (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  it("keys a missing header as unknown", () => {
    expect(clientKey(undefined)).toBe(UNKNOWN_CLIENT_KEY);
  });
});

describe("RateLimiter object", () => {
  it("counts hits in its storage", async () => {
    const stub = limiter("object-count");
    const now = Date.now();

    const first = await stub.hit(2, 60_000, now);
    const second = await stub.hit(2, 60_000, now);
    const third = await stub.hit(2, 60_000, now);

    expect(first).toEqual({ allowed: true, remaining: 1 });
    expect(second).toEqual({ allowed: true, remaining: 0 });
    expect(third.allowed).toBe(false);
    const count = await runInDurableObject(stub, (_, state) =>
      state.storage.sql
        .exec<{ count: number }>("SELECT count FROM rate_window")
        .one(),
    );
    expect(count.count).toBe(2);
  });

  it("rejects a bad limit", async () => {
    const stub = limiter("object-bad-limit");

    const error = await stub.hit(0, 60_000).then(
      () => null,
      (caught: Error) => caught,
    );

    expect(error?.message).toBe("limit must be a positive integer, got 0");
  });

  it("keeps a running window on alarm", async () => {
    const stub = limiter("object-running");
    await stub.hit(5, 60_000, Date.now());

    const ran = await runDurableObjectAlarm(stub);

    expect(ran).toBe(true);
    const rows = await runInDurableObject(stub, (_, state) =>
      state.storage.sql.exec("SELECT * FROM rate_window").toArray(),
    );
    expect(rows.length).toBe(1);
  });

  it("forgets an ended window on alarm", async () => {
    const stub = limiter("object-ended");
    const rowCount = () =>
      runInDurableObject(
        stub,
        (_, state) =>
          state.storage.sql.exec("SELECT * FROM rate_window").toArray().length,
      );

    // A window that ended two minutes ago: its alarm is due at once.
    await stub.hit(5, 60_000, Date.now() - 120_000);
    await vi.waitFor(async () => expect(await rowCount()).toBe(0), {
      timeout: 5_000,
    });

    expect(await runDurableObjectAlarm(stub)).toBe(false);
    expect(await stub.hit(5, 60_000)).toEqual({
      allowed: true,
      remaining: 4,
    });
  });
});

/**
 * Waits for the next one-minute window when less than 20 s of the current
 * one remain. The windows follow the wall clock, so a burst of sixty-odd
 * checks must not straddle a window's end.
 */
async function clearOfWindowEnd(): Promise<void> {
  const left = RECEIPT_CHECK_WINDOW_MS - (Date.now() % RECEIPT_CHECK_WINDOW_MS);
  if (left < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, left + 100));
  }
}

describe("receipt check limit", () => {
  // Each burst starts with at least 20 s of its window left.
  beforeEach(clearOfWindowEnd, 30_000);

  it("returns 429 after the limit", async () => {
    const statuses = await checksFrom("198.51.100.10", RECEIPT_CHECK_LIMIT);

    const response = await checkFrom("198.51.100.10");
    const body: any = await response.json();

    expect(statuses.filter((status) => status === 404).length).toBe(
      RECEIPT_CHECK_LIMIT,
    );
    expect(response.status, JSON.stringify(body)).toBe(429);
    expect(body.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.error.message).toBe(
      `too many receipt checks from this address; try again in ${retryAfter} seconds`,
    );
  }, 30_000);

  it("lets another address through", async () => {
    await checksFrom("198.51.100.20", RECEIPT_CHECK_LIMIT + 1);

    const other = await checkFrom("198.51.100.21");
    const body: any = await other.json();

    expect(other.status, JSON.stringify(body)).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  }, 30_000);

  it("counts malformed checks too", async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= RECEIPT_CHECK_LIMIT; n++) {
      const response = await SELF.fetch(
        "https://ofd.example/api/public/receipts/check?i=x",
        { headers: { "cf-connecting-ip": "198.51.100.30" } },
      );
      await response.body?.cancel();
      statuses.push(response.status);
    }

    expect(statuses.slice(0, RECEIPT_CHECK_LIMIT).every((s) => s === 400)).toBe(
      true,
    );
    expect(statuses[RECEIPT_CHECK_LIMIT]).toBe(429);
  }, 30_000);

  it("shares one budget without an address", async () => {
    const statuses = await checksFrom(null, RECEIPT_CHECK_LIMIT + 1);

    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 429).length).toBe(1);
  }, 30_000);

  it("limits an IPv6 /64 as one client", async () => {
    await checksFrom("2001:db8:aa:bb::1", RECEIPT_CHECK_LIMIT);

    const sibling = await checkFrom("2001:db8:aa:bb::2");
    const neighbour = await checkFrom("2001:db8:aa:cc::1");
    await sibling.body?.cancel();
    await neighbour.body?.cancel();

    expect(sibling.status).toBe(429);
    expect(neighbour.status).toBe(404);
  }, 30_000);
});
