/** The KKM search: filters, and results grouped by point of sale. */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import {
  fetchPointsOfSale,
  searchKkms,
  type KkmFilters,
  type KkmGroup,
} from "../api/kkms";
import type { TextKey } from "../i18n";
import { createForm } from "./form-model";
import { createResource } from "./resource-model";

/** Fields of the search form. */
export type KkmFilterField =
  | "query"
  | "pointOfSaleId"
  | "status"
  | "registeredFrom"
  | "registeredTo"
  | "deviceType"
  | "kgdNumber";

const EMPTY_FILTERS: Record<KkmFilterField, string> = {
  query: "",
  pointOfSaleId: "",
  status: "",
  registeredFrom: "",
  registeredTo: "",
  deviceType: "",
  kgdNumber: "",
};

/** Client-side checks of the filters: dates in order, KGD number digits. */
export function checkKkmFilters(
  values: Record<KkmFilterField, string>,
): Partial<Record<KkmFilterField, TextKey | null>> {
  const { registeredFrom, registeredTo, kgdNumber } = values;
  return {
    registeredTo:
      registeredFrom && registeredTo && registeredTo < registeredFrom
        ? "kkmErrorDateOrder"
        : null,
    kgdNumber:
      kgdNumber.trim() !== "" && !/^\d{1,12}$/.test(kgdNumber.trim())
        ? "kkmErrorKgdSearch"
        : null,
  };
}

/**
 * Appends a page of groups: a point of sale cut by the page boundary
 * continues its group instead of repeating the heading.
 */
export function mergeGroups(current: KkmGroup[], page: KkmGroup[]): KkmGroup[] {
  const merged = current.map((group) => ({ ...group, kkms: [...group.kkms] }));
  for (const group of page) {
    const last = merged.at(-1);
    if (last && last.pointOfSale.id === group.pointOfSale.id) {
      last.kkms.push(...group.kkms);
    } else {
      merged.push({ ...group, kkms: [...group.kkms] });
    }
  }
  return merged;
}

/** Creates the KKM search page's model. */
export function createKkmListModel() {
  const filters = createForm(EMPTY_FILTERS, checkKkmFilters);
  const pointsOfSale = createResource(fetchPointsOfSale);
  const groups = signal<KkmGroup[]>([]);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<ApiError | null>(null);
  // The filters of the results shown, so "more" pages match them.
  let applied: KkmFilters = {};

  async function fetchInto(cursor: string | null): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await searchKkms(applied, cursor);
      groups.value = cursor
        ? mergeGroups(groups.value, page.groups)
        : page.groups;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  /** Searches with the form's filters from the first page. */
  async function search(): Promise<void> {
    if (!filters.validate()) return;
    const values = filters.values.value;
    applied = {
      query: values.query.trim(),
      pointOfSaleId: values.pointOfSaleId,
      status: values.status,
      registeredFrom: values.registeredFrom,
      registeredTo: values.registeredTo,
      deviceType: values.deviceType,
      kgdNumber: values.kgdNumber.trim(),
    };
    await fetchInto(null);
  }

  /** Appends the next page of results. */
  function loadMore(): Promise<void> {
    if (nextCursor.value === null) return Promise.resolve();
    return fetchInto(nextCursor.value);
  }

  return {
    filters,
    pointsOfSale,
    groups,
    nextCursor,
    loading,
    loaded,
    error,
    search,
    loadMore,
  };
}
