/**
 * Builds an XLSX workbook in the browser from a streamed CSV export, with
 * exceljs loaded only when the user asks for a workbook.
 */
import { cellValue, readCsvStream } from "./csv-stream";

/** Streams the CSV at `url` into a workbook; returns the XLSX bytes. */
export async function csvToXlsx(
  url: string,
  sheetName: string,
  onProgress: (rows: number) => void,
  signal?: AbortSignal,
): Promise<{ bytes: ArrayBuffer; rows: number }> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  let header = true;

  const rows = await readCsvStream(
    url,
    (row) => {
      const added = sheet.addRow(header ? row : row.map(cellValue));
      if (header) added.font = { bold: true };
      header = false;
    },
    onProgress,
    signal,
  );
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const bytes = (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
  return { bytes, rows };
}

/** Offers `bytes` to the user as a file download named `fileName`. */
export function saveFile(
  bytes: BlobPart,
  type: string,
  fileName: string,
): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, because some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
