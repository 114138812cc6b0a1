import { t } from "../i18n";
import { PASSWORD_MIN_LENGTH, PASSWORD_SYMBOLS } from "../lib/account-rules";

/** The password rules, stated before the user types. */
export function PasswordRules() {
  return (
    <p class="field-hint">
      {t("passwordRules", {
        min: PASSWORD_MIN_LENGTH,
        symbols: PASSWORD_SYMBOLS,
      })}
    </p>
  );
}
