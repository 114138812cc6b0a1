import { CryptoEngine, type ICryptoEngine, setEngine } from "pkijs";

let engine: ICryptoEngine | undefined;

/**
 * Returns the pkijs crypto engine backed by the runtime's WebCrypto, and
 * installs it as the pkijs global engine on first use so that pkijs calls
 * without an explicit engine use the same one.
 */
export function getPkijsEngine(): ICryptoEngine {
  if (!engine) {
    // ICryptoEngine extends SubtleCrypto, which in workerd's types also has
    // timingSafeEqual. CryptoEngine does not declare it and pkijs never
    // calls it, so the cast only bridges the two sets of types.
    engine = new CryptoEngine({
      name: "webcrypto",
      crypto,
    }) as unknown as ICryptoEngine;
    setEngine("webcrypto", engine);
  }
  return engine;
}
