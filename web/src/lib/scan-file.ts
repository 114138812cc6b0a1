/** Client-side checks of the offer scan before it is uploaded. */
import type { TextKey } from "../i18n/ru";

/** File name endings the API accepts (it checks the bytes as well). */
export const SCAN_EXTENSIONS = [".zip", ".pdf", ".jpg", ".jpeg"] as const;

/** Returns the problem with `file`, or null when it may be sent. */
export function checkScanFile(
  file: { name: string; size: number } | null,
  maxBytes: number,
): TextKey | null {
  if (!file) return "errorFileMissing";
  if (file.size === 0) return "errorFileEmpty";
  if (file.size > maxBytes) return "errorFileTooLarge";
  const name = file.name.toLowerCase();
  if (!SCAN_EXTENSIONS.some((ending) => name.endsWith(ending))) {
    return "errorFileType";
  }
  return null;
}
