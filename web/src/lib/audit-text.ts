/** Display text of audit log entries. */
import { DICTIONARIES, t, type TextKey } from "../i18n";

/** The translated name of a dotted audit action, or the action itself. */
export function auditAction(action: string): string {
  const key = `audit_${action.replace(/\./g, "_")}`;
  return key in DICTIONARIES.ru ? t(key as TextKey) : action;
}

/** A changed value as short text; objects and arrays as JSON. */
export function changeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
