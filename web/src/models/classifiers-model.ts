/** Taxation regimes and OKED codes, loaded once per page load. */
import { fetchClassifiers } from "../api/registration";
import { createResource } from "./resource-model";

/** The classifiers; call `ensureClassifiers()` before reading. */
export const classifiers = createResource(fetchClassifiers);

/** Loads the classifiers unless they are loaded or loading. */
export function ensureClassifiers(): void {
  if (classifiers.data.value || classifiers.loading.value) return;
  void classifiers.load();
}
