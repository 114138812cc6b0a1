/** Creates a page's model once per mounted page. */
import { useMemo } from "preact/hooks";

/** Calls `factory` on the first render and returns the same model after. */
export function useModel<T>(factory: () => T): T {
  return useMemo(factory, []);
}
