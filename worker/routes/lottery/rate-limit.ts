/**
 * Per-address rate limit of the public lottery routes. It uses the same
 * RateLimiter objects as the receipt check under keys of their own, so
 * the two budgets are separate.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../app-env";
import { rateLimit } from "../public/rate-limit";

/** Lottery requests one address may make per window. */
export const LOTTERY_LIMIT = 60;

/** Length of the rate-limit window, in milliseconds. */
export const LOTTERY_WINDOW_MS = 60_000;

/** Limits lottery requests per client address. */
export function lotteryRateLimit(): MiddlewareHandler<AppEnv> {
  return rateLimit({
    keyPrefix: "lottery:",
    limit: LOTTERY_LIMIT,
    windowMs: LOTTERY_WINDOW_MS,
    subject: "lottery requests",
  });
}
