/** Hono's typing of this Worker: its bindings and per-request variables. */
import type { Caller } from "./auth/rights";
import type { Logger } from "./log";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    log: Logger;
    /** The signed-in caller, or null; set by the session middleware. */
    caller: Caller | null;
  };
}
