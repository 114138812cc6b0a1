import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { Loading } from "../components/Loading";
import { t } from "../i18n";
import { me, sessionLoaded } from "../models/session-model";

/** The cabinet's start page; guests and operators go to their pages. */
export function HomePage() {
  const { route } = useLocation();
  const current = me.value;

  useEffect(() => {
    if (!sessionLoaded.value) return;
    if (!current) route("/login", true);
    else if (current.user.kind === "operator") route("/operator", true);
  }, [sessionLoaded.value, current]);

  if (!current || current.user.kind !== "taxpayer") return <Loading />;
  return (
    <section>
      <h1>{t("homeTitle", { name: current.organisation?.fullName ?? "" })}</h1>
      <ul class="tiles">
        <li>
          <a href="/kkms">{t("menuKkms")}</a>
        </li>
        <li>
          <a href="/organisation">{t("menuOrganisation")}</a>
        </li>
        <li>
          <a href="/admin/users">{t("menuAdministration")}</a>
        </li>
        <li>
          <a href="/help">{t("menuHelp")}</a>
        </li>
      </ul>
    </section>
  );
}
