/**
 * Client-side checks of the operator's lottery forms. They mirror the
 * API's schema in worker/routes/lottery/schemas.ts and the period rules of
 * worker/domain/lottery/draws.ts; the API checks everything again.
 */
import type { TextKey } from "../../../i18n/ru";
import { isCalendarDate } from "../../../../../worker/domain/lottery/period";

/** Fields of a new draw as the API takes them; money in tiyn. */
export interface NewDrawRequest {
  title: string;
  rulesText: string;
  periodFrom: string;
  periodTo: string;
  prizeCount: number;
  minReceiptTotal: number;
}

/** Maximum length of a draw's title, in characters. */
export const MAX_TITLE_LENGTH = 200;

/** Maximum length of a draw's rules text, in characters. */
export const MAX_RULES_LENGTH = 10_000;

/** Maximum number of prizes of one draw. */
export const MAX_PRIZE_COUNT = 1000;

/** Largest minimum receipt total, in tiyn (10^12 tenge). */
export const MAX_MIN_TOTAL_TIYN = 100_000_000_000_000;

/** A seed the API accepts: 16 to 256 printable ASCII characters. */
export const SEED_PATTERN = /^[\x21-\x7e]{16,256}$/;

/** Fields of the "new draw" form; the minimum total is typed in tenge. */
export type DrawField = keyof NewDrawRequest;

/** Typed values of the "new draw" form. */
export type DrawFormValues = Record<DrawField, string>;

/** Empty values of the "new draw" form. */
export const EMPTY_DRAW_FORM: DrawFormValues = {
  title: "",
  rulesText: "",
  periodFrom: "",
  periodTo: "",
  prizeCount: "1",
  minReceiptTotal: "0",
};

/**
 * Converts a tenge amount typed as "500", "499.9" or "499,90" to integer
 * tiyn without floating point; null when it is not such an amount.
 */
export function tengeToTiyn(text: string): number | null {
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;

  const tenge = Number(match[1]);
  const coins = Number((match[2] ?? "").padEnd(2, "0"));
  return tenge * 100 + coins;
}

/** Checks the typed draw and returns the problems by field; `today` is the Almaty date. */
export function checkDrawForm(
  values: DrawFormValues,
  today: string,
): Partial<Record<DrawField, TextKey | null>> {
  return {
    title: checkText(values.title, MAX_TITLE_LENGTH, "opLotteryErrorTitle"),
    rulesText: checkText(
      values.rulesText,
      MAX_RULES_LENGTH,
      "opLotteryErrorRules",
    ),
    periodFrom: checkDate(values.periodFrom),
    periodTo: checkPeriodTo(values, today),
    prizeCount: checkPrizeCount(values.prizeCount),
    minReceiptTotal: checkMinTotal(values.minReceiptTotal),
  };
}

/** Builds the API's request body from a form that passed checkDrawForm. */
export function toNewDraw(values: DrawFormValues): NewDrawRequest {
  return {
    title: values.title.trim(),
    rulesText: values.rulesText.trim(),
    periodFrom: values.periodFrom.trim(),
    periodTo: values.periodTo.trim(),
    prizeCount: Number(values.prizeCount.trim()),
    minReceiptTotal: tengeToTiyn(values.minReceiptTotal) ?? 0,
  };
}

/** Checks a typed seed: the problem, or null when the API accepts it. */
export function checkSeed(seed: string): TextKey | null {
  if (seed === "") return "errorRequired";
  return SEED_PATTERN.test(seed) ? null : "opLotteryErrorSeed";
}

/** Returns the calendar day after `date` (YYYY-MM-DD), the first day to draw. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`).getTime() + 86_400_000;
  return new Date(next).toISOString().slice(0, 10);
}

function checkText(text: string, max: number, tooLong: TextKey) {
  const trimmed = text.trim();
  if (trimmed === "") return "errorRequired";
  return trimmed.length > max ? tooLong : null;
}

function checkDate(text: string): TextKey | null {
  if (text.trim() === "") return "errorRequired";
  return isCalendarDate(text.trim()) ? null : "opLotteryErrorDate";
}

function checkPeriodTo(values: DrawFormValues, today: string) {
  const from = values.periodFrom.trim();
  const to = values.periodTo.trim();
  const problem = checkDate(to);
  if (problem) return problem;

  if (isCalendarDate(from) && to < from) return "opLotteryErrorPeriodOrder";
  return to < today ? "opLotteryErrorPeriodPassed" : null;
}

function checkPrizeCount(text: string): TextKey | null {
  const trimmed = text.trim();
  if (trimmed === "") return "errorRequired";
  if (!/^\d{1,4}$/.test(trimmed)) return "opLotteryErrorPrizes";

  const count = Number(trimmed);
  return count >= 1 && count <= MAX_PRIZE_COUNT ? null : "opLotteryErrorPrizes";
}

function checkMinTotal(text: string): TextKey | null {
  if (text.trim() === "") return "errorRequired";

  const tiyn = tengeToTiyn(text);
  if (tiyn === null) return "opLotteryErrorMinTotal";
  return tiyn <= MAX_MIN_TOTAL_TIYN ? null : "opLotteryErrorMinTotalMax";
}
