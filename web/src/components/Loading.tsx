import { t } from "../i18n";

/** A loading notice for a page or a list. */
export function Loading() {
  return (
    <p class="loading" role="status" aria-busy="true">
      {t("loading")}
    </p>
  );
}
