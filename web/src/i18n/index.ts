/**
 * The translation layer: every text users see comes from one dictionary per
 * language, all with the same keys (the Messages type enforces it).
 */
import { language } from "../models/language-model";
import { en } from "./en";
import { kk } from "./kk";
import type { Language } from "./languages";
import { ru, type Messages, type TextKey } from "./ru";

export { LANGUAGES, type Language } from "./languages";
export type { Messages, TextKey };

/** Dictionaries by language. */
export const DICTIONARIES: Record<Language, Messages> = { ru, kk, en };

/** The text `key` in the current language, with {name} placeholders filled. */
export function t(
  key: TextKey,
  params: Record<string, string | number> = {},
): string {
  const template = DICTIONARIES[language.value][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
