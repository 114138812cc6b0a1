/** Addressing of KKM Durable Objects: one object per system id. */

/** The stub of the object that serves KKM `kkmId`. */
export function kkmSession(env: Env, kkmId: number) {
  return env.KKM_SESSION.get(env.KKM_SESSION.idFromName(String(kkmId)));
}
