import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { confirmEmail } from "../api/auth";
import { ErrorBox } from "../components/ErrorBox";
import { Loading } from "../components/Loading";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createResource } from "../models/resource-model";
import { loadSession } from "../models/session-model";

/** Confirms the e-mail address with the token from the mailed link. */
export function EmailConfirmPage() {
  const { query } = useLocation();
  const token = query.token ?? "";
  const result = useModel(() =>
    createResource(async () => {
      await confirmEmail(token);
      await loadSession();
      return true;
    }),
  );

  useEffect(() => {
    if (token) void result.load();
  }, [token]);

  return (
    <section class="narrow">
      <h1>{t("emailConfirmTitle")}</h1>
      {!token && (
        <p class="error-box" role="alert">
          {t("tokenMissing")}
        </p>
      )}
      {result.loading.value && <Loading />}
      <ErrorBox error={result.error.value} />
      {result.data.value && (
        <p class="success" role="status">
          {t("emailConfirmed")}
        </p>
      )}
    </section>
  );
}
