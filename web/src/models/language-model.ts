/** The chosen interface language, remembered in localStorage. */
import { signal } from "@preact/signals";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "../i18n/languages";

/** localStorage key of the chosen language. */
export const LANGUAGE_STORAGE_KEY = "ofd.language";

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    const known = LANGUAGES.find((code) => code === stored);
    return known ?? DEFAULT_LANGUAGE;
  } catch {
    // Storage is unavailable in some private modes; use the default.
    return DEFAULT_LANGUAGE;
  }
}

/** The current language; components that read it re-render on change. */
export const language = signal<Language>(storedLanguage());

/** Switches the language, remembers it and updates <html lang>. */
export function setLanguage(next: Language): void {
  language.value = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
  } catch {
    // Not remembered without storage; the switch still applies now.
  }
}
