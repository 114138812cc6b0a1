import { t } from "../i18n";

/** The OFD's services and tariffs in short. */
export function ServicesPage() {
  return (
    <section>
      <h1>{t("menuServices")}</h1>
      <p>{t("servicesIntro")}</p>
      <ul>
        <li>{t("servicesWireless")}</li>
        <li>{t("servicesWired")}</li>
        <li>{t("servicesVpn")}</li>
      </ul>
    </section>
  );
}
