import { LANGUAGES, t, type TextKey } from "../i18n";
import { language, setLanguage } from "../models/language-model";

/** Buttons that switch the interface language. */
export function LanguageSwitch() {
  return (
    <div class="language-switch" role="group" aria-label={t("languageSwitch")}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language.value === code}
          title={t(`languageName_${code}` as TextKey)}
          onClick={() => setLanguage(code)}
        >
          {t(`languageShort_${code}` as TextKey)}
        </button>
      ))}
    </div>
  );
}
