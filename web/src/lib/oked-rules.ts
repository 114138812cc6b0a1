/** Client-side checks of the OKED classifier page; the API checks again. */
import type { TextKey } from "../i18n/ru";

/** Maximum length of an activity name, in characters. */
export const MAX_OKED_NAME_LENGTH = 500;

/** Returns the problem of a typed code, or null when it is 5 digits. */
export function checkOkedCode(code: string): TextKey | null {
  if (code.trim() === "") return "errorRequired";
  return /^\d{5}$/.test(code.trim()) ? null : "okedErrorCode";
}

/** Returns the problem of a typed name, or null when it fits. */
export function checkOkedName(name: string): TextKey | null {
  if (name.trim() === "") return "errorRequired";
  return name.trim().length > MAX_OKED_NAME_LENGTH
    ? "okedErrorNameLength"
    : null;
}
