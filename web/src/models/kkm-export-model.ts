/** Exports of receipts and Z reports: CSV links and XLSX built here. */
import { signal } from "@preact/signals";
import { exportUrl } from "../api/kkms";
import type { TextKey } from "../i18n";
import { csvToXlsx, saveFile } from "../pages/kkms/xlsx-export";
import { createForm } from "./form-model";

/** Fields of the export form. */
export type ExportField = "kind" | "from" | "to" | "kkmId";

/** XLSX MIME type. */
const XLSX_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Client-side checks of the export form. */
export function checkExport(
  values: Record<ExportField, string>,
): Partial<Record<ExportField, TextKey | null>> {
  return {
    from: values.from === "" ? "errorRequired" : null,
    to:
      values.to === ""
        ? "errorRequired"
        : values.to < values.from
          ? "kkmErrorDateOrder"
          : null,
    kkmId:
      values.kkmId.trim() !== "" && !/^\d+$/.test(values.kkmId.trim())
        ? "kkmErrorSystemId"
        : null,
  };
}

/** The export URL of the form's values. */
export function exportUrlOf(values: Record<ExportField, string>): string {
  const filters = {
    from: values.from,
    to: values.to,
    kkmId: values.kkmId.trim(),
  };
  return values.kind === "reports"
    ? exportUrl("reports", { ...filters, kind: "Z" })
    : exportUrl("receipts", filters);
}

/** Creates the exports page's model, the period defaulting to `today`. */
export function createExportModel(today: string) {
  const form = createForm<ExportField>(
    { kind: "receipts", from: today, to: today, kkmId: "" },
    checkExport,
  );
  const rowsRead = signal<number | null>(null);
  const building = signal(false);
  const failure = signal<string | null>(null);
  const done = signal<number | null>(null);
  let abort: AbortController | null = null;

  /** Streams the CSV into an XLSX workbook and saves it. */
  async function buildXlsx(): Promise<void> {
    if (!form.validate()) return;
    const values = form.values.value;
    abort = new AbortController();
    building.value = true;
    failure.value = null;
    done.value = null;
    rowsRead.value = 0;
    try {
      const { bytes, rows } = await csvToXlsx(
        exportUrlOf(values),
        values.kind,
        (rows) => (rowsRead.value = rows),
        abort.signal,
      );
      saveFile(
        bytes,
        XLSX_TYPE,
        `${values.kind}-${values.from}-${values.to}.xlsx`,
      );
      done.value = Math.max(rows - 1, 0);
    } catch (error) {
      if ((error as Error).name !== "AbortError") {
        failure.value = (error as Error).message;
      }
    } finally {
      building.value = false;
      abort = null;
    }
  }

  /** Stops a workbook build in progress. */
  function cancel(): void {
    abort?.abort();
  }

  return { form, rowsRead, building, failure, done, buildXlsx, cancel };
}
