/**
 * The KKM view: the KKM with its live state, its receipts for a chosen date
 * or shift, and the live feed that adds new receipts without a reload.
 */
import { signal } from "@preact/signals";
import {
  fetchKkm,
  fetchTransactions,
  type KkmDetails,
  type TransactionRow,
} from "../api/kkms";
import type { TextKey } from "../i18n";
import { dateInZone } from "../pages/kkms/kkm-dates";
import { createLiveFeed, type LiveMessage } from "./kkm-live-model";
import { createPagedList } from "./paged-list-model";
import { createResource } from "./resource-model";

/** Which receipts the view lists. */
export type TransactionFilter =
  { kind: "date"; date: string } | { kind: "shift"; shiftNumber: number };

/** Whether a receipt belongs to the list the filter shows. */
export function matchesFilter(
  row: TransactionRow,
  filter: TransactionFilter,
): boolean {
  return filter.kind === "date"
    ? row.localTime.slice(0, 10) === filter.date
    : row.shiftNumber === filter.shiftNumber;
}

/** Adds a live receipt on top of the list unless it is already there. */
export function prependReceipt(
  rows: TransactionRow[],
  receipt: TransactionRow,
): TransactionRow[] {
  if (rows.some((row) => row.id === receipt.id)) return rows;
  return [receipt, ...rows];
}

/** Applies a live message to the KKM: the shift and a fresh contact. */
export function applyLiveMessage(
  kkm: KkmDetails,
  message: LiveMessage,
  now: Date,
): KkmDetails {
  const live = kkm.live ?? {
    online: true,
    lastContactAt: null,
    offlineSince: null,
    autonomousLimitPassedAt: null,
    openShiftNumber: null,
    offlineEpisodes: [],
  };
  return {
    ...kkm,
    live: {
      ...live,
      online: true,
      offlineSince: null,
      lastContactAt: now.toISOString(),
      openShiftNumber: message.shift.shiftNumber,
    },
    shift: message.shift,
  };
}

/** Creates the view model of KKM `id`. */
export function createKkmViewModel(id: string) {
  const kkm = createResource(() => fetchKkm(id));
  const filter = signal<TransactionFilter | null>(null);
  const filterProblem = signal<TextKey | null>(null);
  const transactions = createPagedList((cursor) => {
    const current = filter.value;
    const query =
      current?.kind === "shift"
        ? { shiftNumber: String(current.shiftNumber) }
        : { date: current?.date };
    return fetchTransactions(id, query, cursor);
  });
  const feed = createLiveFeed(id, onMessage);

  function onMessage(message: LiveMessage): void {
    if (kkm.data.value) {
      kkm.data.value = applyLiveMessage(kkm.data.value, message, new Date());
    }
    const current = filter.value;
    if (message.receipt && current && matchesFilter(message.receipt, current)) {
      transactions.items.value = prependReceipt(
        transactions.items.value,
        message.receipt,
      );
    }
  }

  /** Loads the KKM, then today's receipts in its time zone, then the feed. */
  async function load(): Promise<void> {
    await kkm.load();
    const loaded = kkm.data.value;
    if (!loaded) return;
    filter.value = {
      kind: "date",
      date: dateInZone(new Date(), loaded.timeZone),
    };
    await transactions.reload();
    feed.start();
  }

  /** Lists the receipts of a local date, `YYYY-MM-DD`. */
  function showDate(date: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      filterProblem.value = "errorDate";
      return Promise.resolve();
    }
    filterProblem.value = null;
    filter.value = { kind: "date", date };
    return transactions.reload();
  }

  /** Lists the receipts of shift `text`, a positive whole number. */
  function showShift(text: string): Promise<void> {
    const shiftNumber = Number(text);
    if (!/^\d+$/.test(text.trim()) || shiftNumber < 1) {
      filterProblem.value = "kkmErrorShiftNumber";
      return Promise.resolve();
    }
    filterProblem.value = null;
    filter.value = { kind: "shift", shiftNumber };
    return transactions.reload();
  }

  return {
    kkm,
    filter,
    filterProblem,
    transactions,
    feed,
    load,
    showDate,
    showShift,
    stop: feed.stop,
  };
}
