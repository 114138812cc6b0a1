/** Display formats of the receipt view: money, quantities, rates, time. */
import type { Language } from "../../i18n/languages";

/** Formats tiyn as tenge with 2 decimals, grouped: "1 234,50" ("1,234.50" in English). */
export function formatTiyn(tiyn: number, language: Language): string {
  const sign = tiyn < 0 ? "-" : "";
  const abs = Math.abs(tiyn);
  const tenge = String(Math.floor(abs / 100));
  const coins = String(abs % 100).padStart(2, "0");
  const english = language === "en";
  const grouped = tenge.replace(
    /\B(?=(\d{3})+(?!\d))/g,
    english ? "," : "\u00a0",
  );
  return `${sign}${grouped}${english ? "." : ","}${coins}`;
}

/** Formats a quantity in thousandths without trailing zeros: 1500 → "1,5". */
export function formatQuantity(
  thousandths: number,
  language: Language,
): string {
  const whole = Math.floor(thousandths / 1000);
  const fraction = String(thousandths % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  if (fraction === "") return String(whole);
  return `${whole}${language === "en" ? "." : ","}${fraction}`;
}

/** Formats a rate in thousandths as percent: 16000 → "16%", 12500 → "12,5%". */
export function formatPercent(thousandths: number, language: Language): string {
  return `${formatQuantity(thousandths, language)}%`;
}

/** Formats local `YYYY-MM-DDTHH:mm:ss` as "DD.MM.YYYY HH:mm:ss". */
export function formatLocalDateTime(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})$/.exec(text);
  return match ? `${match[3]}.${match[2]}.${match[1]} ${match[4]}` : text;
}
