import { t } from "../i18n";

/** Shown for an address the portal has no page for. */
export function NotFoundPage() {
  return (
    <section>
      <h1>{t("notFoundTitle")}</h1>
      <p>
        <a href="/">{t("toCabinet")}</a>
      </p>
    </section>
  );
}
