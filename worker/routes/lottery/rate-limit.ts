/**
 * Per-address rate limit of the public lottery routes. It uses the same
 * RateLimiter objects as the receipt check under keys of their own, so
 * the two budgets are separate.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../app-env";
import { envelope } from "../../errors";
import { clientKey } from "../public/rate-limit";

/** Lottery requests one address may make per window. */
export const LOTTERY_LIMIT = 60;

/** Length of the rate-limit window, in milliseconds. */
export const LOTTERY_WINDOW_MS = 60_000;

/** Limits lottery requests per client address; over the limit → 429. */
export function lotteryRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = `lottery:${clientKey(c.req.header("cf-connecting-ip"))}`;
    const limiter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(key));

    let decision;
    try {
      decision = await limiter.hit(
        LOTTERY_LIMIT,
        LOTTERY_WINDOW_MS,
        Date.now(),
      );
    } catch (error) {
      // A failing limiter must not take the lottery down with it.
      c.get("log").error("rate limiter failed", { error });
      await next();
      return;
    }

    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      c.get("log").info("lottery requests rate limited", { key, seconds });
      const response = envelope(
        c,
        "RATE_LIMITED",
        `too many lottery requests from this address; try again in ${seconds} seconds`,
      );
      response.headers.set("retry-after", String(seconds));
      return response;
    }
    await next();
  };
}
