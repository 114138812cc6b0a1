/** Hono's typing of this Worker: its bindings and per-request variables. */
import type { Logger } from "./log";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    log: Logger;
  };
}
