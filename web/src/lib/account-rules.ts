/**
 * Client-side checks that mirror the API's rules, so a form shows the
 * problem before it is sent. The API checks again; these only save a trip.
 */
import { isValidIinBin } from "../../../durable/fiscal/validate-iin-bin";
import type { TextKey } from "../i18n/ru";

/** Symbols a password must contain at least one of. */
export const PASSWORD_SYMBOLS = "-!%*^&#()_+~=";

/** Minimum password length, in characters. */
export const PASSWORD_MIN_LENGTH = 6;

/** Maximum password length, in characters. */
export const PASSWORD_MAX_LENGTH = 128;

/** Returns the problem with an IIN/BIN, or null when it is valid. */
export function checkIinBin(text: string): TextKey | null {
  if (text === "") return "errorRequired";
  if (!/^\d{12}$/.test(text)) return "errorIinBinDigits";
  if (!isValidIinBin(text)) return "errorIinBinCheckDigit";
  return null;
}

/** Returns the first unmet password rule, or null when all are met. */
export function checkPassword(text: string): TextKey | null {
  if (text.length < PASSWORD_MIN_LENGTH) return "errorPasswordLength";
  if (text.length > PASSWORD_MAX_LENGTH) return "errorPasswordTooLong";
  if (!/[a-z]/.test(text)) return "errorPasswordLower";
  if (!/[A-Z]/.test(text)) return "errorPasswordUpper";
  if (!/\d/.test(text)) return "errorPasswordDigit";
  if (![...text].some((char) => PASSWORD_SYMBOLS.includes(char))) {
    return "errorPasswordSymbol";
  }
  return null;
}

/** Returns the problem with an e-mail address, or null. */
export function checkEmail(text: string): TextKey | null {
  if (text === "") return "errorRequired";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return "errorEmail";
  return null;
}

/** Returns the problem with an international phone number, or null. */
export function checkPhone(text: string): TextKey | null {
  if (text === "") return "errorRequired";
  const digits = text.replace(/\D/g, "").length;
  if (!/^\+\d[\d ()-]*$/.test(text) || digits < 8 || digits > 15) {
    return "errorPhone";
  }
  return null;
}

/** Returns errorRequired for blank text, else null. */
export function checkRequired(text: string): TextKey | null {
  return text.trim() === "" ? "errorRequired" : null;
}

/** Returns the problem with a YYYY-MM-DD date in the past, or null. */
export function checkPastDate(text: string, today: string): TextKey | null {
  if (text === "") return "errorRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return "errorDate";
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return "errorDate";
  if (date.toISOString().slice(0, 10) !== text) return "errorDate";
  if (text > today) return "errorDateFuture";
  return null;
}
