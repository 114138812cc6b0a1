import { useEffect } from "preact/hooks";
import { fetchDevMail } from "../api/dev";
import { EmptyState } from "../components/EmptyState";
import { ErrorBox } from "../components/ErrorBox";
import { Loading } from "../components/Loading";
import { t } from "../i18n";
import { formatDateTime } from "../lib/format";
import { localLink } from "../lib/local-link";
import { useModel } from "../lib/use-model";
import { createResource } from "../models/resource-model";

/** The local mail outbox (DEMO_MODE only), newest first, links clickable. */
export function DevMailPage() {
  const mail = useModel(() =>
    createResource(async () => (await fetchDevMail()).items),
  );
  const items = mail.data.value;

  useEffect(() => {
    void mail.load();
  }, []);

  return (
    <section>
      <h1>{t("devMailTitle")}</h1>
      <p class="muted">{t("devMailIntro")}</p>
      <button type="button" onClick={() => void mail.load()}>
        {t("refresh")}
      </button>
      {mail.loading.value && <Loading />}
      <ErrorBox error={mail.error.value} />
      {items && items.length === 0 && <EmptyState text="devMailEmpty" />}
      <ul class="cards">
        {(items ?? []).map((message) => (
          <li key={message.id} class="card mail">
            <p>
              <strong>{message.subject}</strong>
            </p>
            <p class="muted">
              {t("devMailLine", {
                to: message.to,
                at: formatDateTime(message.createdAt),
              })}
            </p>
            <pre class="mail-text">{message.text}</pre>
            {message.link && (
              <p>
                <a href={localLink(message.link)}>{message.link}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
