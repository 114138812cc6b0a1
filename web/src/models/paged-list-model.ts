/** A list loaded page by page with the API's cursor. */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import type { Page } from "../api/types";

/** The list model created by createPagedList. */
export type PagedList<T> = ReturnType<typeof createPagedList<T>>;

/** Creates a list that fetches pages with `fetchPage(cursor)`. */
export function createPagedList<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
) {
  const items = signal<T[]>([]);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<ApiError | null>(null);

  async function fetchInto(cursor: string | null, append: boolean) {
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(cursor);
      items.value = append ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  /** Loads the first page again. */
  function reload(): Promise<void> {
    return fetchInto(null, false);
  }

  /** Appends the next page, if there is one. */
  function loadMore(): Promise<void> {
    if (nextCursor.value === null) return Promise.resolve();
    return fetchInto(nextCursor.value, true);
  }

  return { items, nextCursor, loading, loaded, error, reload, loadMore };
}
