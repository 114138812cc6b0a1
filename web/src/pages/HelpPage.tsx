import { t } from "../i18n";

/** How registration works and where to get support. */
export function HelpPage() {
  return (
    <section>
      <h1>{t("menuHelp")}</h1>
      <h2>{t("helpRegistrationTitle")}</h2>
      <ol>
        <li>{t("helpStep1")}</li>
        <li>{t("helpStep2")}</li>
        <li>{t("helpStep3")}</li>
        <li>{t("helpStep4")}</li>
      </ol>
      <h2>{t("helpSupportTitle")}</h2>
      <p>{t("helpSupportText")}</p>
    </section>
  );
}
