/** A KKM's X or Z report history: filters and the page shown. */
import {
  fetchKkm,
  fetchReports,
  PAGE_SIZE,
  type ReportFilters,
} from "../api/kkms";
import type { TextKey } from "../i18n";
import { createForm } from "./form-model";
import { createPager } from "./kkm-pager-model";
import { createResource } from "./resource-model";

/** Fields of the history filters. */
export type ReportFilterField = "from" | "to" | "shiftNumber";

/** Client-side checks of the history filters. */
export function checkReportFilters(
  values: Record<ReportFilterField, string>,
): Partial<Record<ReportFilterField, TextKey | null>> {
  const shift = values.shiftNumber.trim();
  return {
    to:
      values.from && values.to && values.to < values.from
        ? "kkmErrorDateOrder"
        : null,
    shiftNumber:
      shift !== "" && !/^[1-9]\d*$/.test(shift) ? "kkmErrorShiftNumber" : null,
  };
}

/** Creates the history model of KKM `id` for reports of `kind`. */
export function createReportsModel(id: string, kind: "Z" | "X") {
  const kkm = createResource(() => fetchKkm(id));
  const filters = createForm(
    { from: "", to: "", shiftNumber: "" },
    checkReportFilters,
  );
  let applied: ReportFilters = { kind };
  const reports = createPager(
    (cursor) => fetchReports(id, applied, cursor),
    PAGE_SIZE,
  );

  /** Loads the history with the form's filters from the first page. */
  async function search(): Promise<void> {
    if (!filters.validate()) return;
    const values = filters.values.value;
    applied = {
      kind,
      from: values.from,
      to: values.to,
      shiftNumber: values.shiftNumber.trim(),
    };
    await reports.reload();
  }

  return { kkm, filters, reports, search };
}
