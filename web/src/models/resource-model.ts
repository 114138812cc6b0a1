/** Loading state of data fetched once per page visit. */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";

/** A loaded value with its loading flag and error. */
export type Resource<T> = ReturnType<typeof createResource<T>>;

/** Creates a resource that `load()` fills from `loader`. */
export function createResource<T>(loader: () => Promise<T>) {
  const data = signal<T | null>(null);
  const loading = signal(false);
  const error = signal<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await loader();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, error, load };
}
