/**
 * Per-address rate limit of the public receipt check. Each client address
 * has its own RateLimiter object, so one busy address never slows another.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../app-env";
import { envelope } from "../../errors";

/** Receipt checks one address may make per window. */
export const RECEIPT_CHECK_LIMIT = 60;

/** Length of the rate-limit window, in milliseconds. */
export const RECEIPT_CHECK_WINDOW_MS = 60_000;

/**
 * Key of requests without `cf-connecting-ip`. Cloudflare sets the header
 * on every request it forwards; only local runs and tests lack it, and
 * they then share one budget.
 */
export const UNKNOWN_CLIENT_KEY = "unknown";

/** Maximum length of a key kept from a malformed address. */
const MAX_KEY_LENGTH = 64;

/**
 * Returns the rate-limit key of a client address. An IPv6 address is cut
 * to its /64 prefix, because one subscriber usually owns a whole /64 and
 * could otherwise rotate through its addresses. An IPv4-mapped IPv6
 * address counts as the IPv4 address.
 */
export function clientKey(address: string | undefined): string {
  const text = address?.trim().toLowerCase() ?? "";
  if (text === "") return UNKNOWN_CLIENT_KEY;

  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!text.includes(":")) return text.slice(0, MAX_KEY_LENGTH);

  const groups = expandIpv6(text);
  if (!groups) return text.slice(0, MAX_KEY_LENGTH);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** Options of one per-address limit: its key prefix, budget and name. */
export interface RateLimitOptions {
  /** Prefix of the limiter key, so that each route family has its budget. */
  keyPrefix: string;
  limit: number;
  windowMs: number;
  /** Plural noun for logs and the 429 message, e.g. "receipt checks". */
  subject: string;
}

/**
 * Limits requests per client address; over the limit → 429 RATE_LIMITED
 * with `retry-after`. A failing limiter lets the request through, so it
 * never takes the route down with it.
 */
export function rateLimit(
  options: RateLimitOptions,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = `${options.keyPrefix}${clientKey(c.req.header("cf-connecting-ip"))}`;
    const limiter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(key));

    let decision;
    try {
      decision = await limiter.hit(options.limit, options.windowMs, Date.now());
    } catch (error) {
      c.get("log").error("rate limiter failed", { error, key });
      await next();
      return;
    }

    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      c.get("log").info(`${options.subject} rate limited`, { key, seconds });
      const response = envelope(
        c,
        "RATE_LIMITED",
        `too many ${options.subject} from this address; try again in ${seconds} seconds`,
      );
      response.headers.set("retry-after", String(seconds));
      return response;
    }
    await next();
  };
}

/** Limits receipt checks per client address. */
export function receiptCheckRateLimit(): MiddlewareHandler<AppEnv> {
  return rateLimit({
    keyPrefix: "",
    limit: RECEIPT_CHECK_LIMIT,
    windowMs: RECEIPT_CHECK_WINDOW_MS,
    subject: "receipt checks",
  });
}

/** Expands an IPv6 address to its eight groups; null when it is malformed. */
function expandIpv6(text: string): string[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;

  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;

  const groups = [...head, ...Array<string>(missing).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
}
