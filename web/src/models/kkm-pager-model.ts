/**
 * A list shown one page at a time with "previous" and "next", over the API's
 * cursor paging: the cursors of the pages seen are kept, so "previous"
 * fetches the page again from its own cursor.
 */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import type { Page } from "../api/types";

/** The pager created by createPager. */
export type Pager<T> = ReturnType<typeof createPager<T>>;

/** Creates a pager that fetches pages with `fetchPage(cursor)`. */
export function createPager<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  pageSize: number,
) {
  const items = signal<T[]>([]);
  const pageIndex = signal(0);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<ApiError | null>(null);
  // cursors[i] fetches page i; page 0 starts without a cursor.
  let cursors: (string | null)[] = [null];

  async function show(index: number): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(cursors[index] ?? null);
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      pageIndex.value = index;
      cursors[index + 1] = page.nextCursor;
      loaded.value = true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  /** Loads the first page again, forgetting the cursors seen. */
  function reload(): Promise<void> {
    cursors = [null];
    return show(0);
  }

  /** Loads the next page, if there is one. */
  function next(): Promise<void> {
    if (nextCursor.value === null) return Promise.resolve();
    return show(pageIndex.value + 1);
  }

  /** Loads the previous page, if there is one. */
  function previous(): Promise<void> {
    if (pageIndex.value === 0) return Promise.resolve();
    return show(pageIndex.value - 1);
  }

  /** First and last row numbers shown, 1-based. */
  function range(): { first: number; last: number } {
    const first = pageIndex.value * pageSize + 1;
    return { first, last: first + items.value.length - 1 };
  }

  return {
    items,
    pageIndex,
    nextCursor,
    loading,
    loaded,
    error,
    reload,
    next,
    previous,
    range,
  };
}
