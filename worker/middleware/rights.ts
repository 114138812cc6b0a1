/** Route middleware that checks who the caller is before the handler runs. */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import {
  requireOperatorCaller,
  requireRightOf,
  requireSignedInCaller,
  requireTaxpayerCaller,
} from "../auth/guards";
import type { Right } from "../auth/rights";

/** Lets through a taxpayer whose groups grant `right`; 401/403 otherwise. */
export function requireRight(right: Right): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireRightOf(c.get("caller"), right);
    await next();
  };
}

/** Lets through any signed-in taxpayer user. */
export function requireTaxpayer(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireTaxpayerCaller(c.get("caller"));
    await next();
  };
}

/** Lets through OFD operators only. */
export function requireOperator(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireOperatorCaller(c.get("caller"));
    await next();
  };
}

/** Lets through any signed-in caller. */
export function requireSignedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireSignedInCaller(c.get("caller"));
    await next();
  };
}
