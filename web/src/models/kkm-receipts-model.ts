/** The organisation-wide receipt search. */
import { searchReceipts, type ReceiptFilters } from "../api/kkms";
import type { TextKey } from "../i18n";
import { createForm } from "./form-model";
import { createPagedList } from "./paged-list-model";

/** Fields of the receipt search form. */
export type ReceiptFilterField =
  "fiscalSign" | "from" | "to" | "minTotal" | "maxTotal" | "kkmId";

/** Tenge with up to 2 decimals, as typed in the amount fields. */
const TENGE = /^\d+([.,]\d{1,2})?$/;

/** Converts typed tenge ("1500,5") to tiyn; undefined when empty. */
export function tengeToTiyn(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const [whole = "0", fraction = ""] = trimmed.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Client-side checks of the receipt search form. */
export function checkReceiptFilters(
  values: Record<ReceiptFilterField, string>,
): Partial<Record<ReceiptFilterField, TextKey | null>> {
  const amount = (text: string): TextKey | null =>
    text.trim() === "" || TENGE.test(text.trim()) ? null : "kkmErrorAmount";
  const min = tengeToTiyn(values.minTotal);
  const max = tengeToTiyn(values.maxTotal);
  return {
    fiscalSign:
      values.fiscalSign.trim() === "" || /^\d+$/.test(values.fiscalSign.trim())
        ? null
        : "kkmErrorFiscalSign",
    to:
      values.from && values.to && values.to < values.from
        ? "kkmErrorDateOrder"
        : null,
    minTotal: amount(values.minTotal),
    maxTotal:
      amount(values.maxTotal) ??
      (min !== undefined && max !== undefined && max < min
        ? "kkmErrorAmountOrder"
        : null),
    kkmId:
      values.kkmId.trim() === "" || /^\d+$/.test(values.kkmId.trim())
        ? null
        : "kkmErrorSystemId",
  };
}

/** Creates the receipt search page's model. */
export function createReceiptsModel() {
  const filters = createForm<ReceiptFilterField>(
    { fiscalSign: "", from: "", to: "", minTotal: "", maxTotal: "", kkmId: "" },
    checkReceiptFilters,
  );
  let applied: ReceiptFilters = {};
  const receipts = createPagedList((cursor) => searchReceipts(applied, cursor));

  /** Searches with the form's filters from the first page. */
  async function search(): Promise<void> {
    if (!filters.validate()) return;
    const values = filters.values.value;
    applied = {
      fiscalSign: values.fiscalSign.trim(),
      from: values.from,
      to: values.to,
      minTotal: tengeToTiyn(values.minTotal),
      maxTotal: tengeToTiyn(values.maxTotal),
      kkmId: values.kkmId.trim(),
    };
    await receipts.reload();
  }

  return { filters, receipts, search };
}
