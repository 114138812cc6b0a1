import { useEffect } from "preact/hooks";
import { applicationFileUrl } from "../../api/operator";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { ReasonField } from "../../components/ReasonField";
import { t } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useModel } from "../../lib/use-model";
import { createApplicationsModel } from "../../models/operator-model";

/** Offer applications with uploaded scans, to approve or reject. */
export function ApplicationsPage() {
  return (
    <Guard kind="operator">
      <ApplicationsView />
    </Guard>
  );
}

function ApplicationsView() {
  const model = useModel(createApplicationsModel);
  const items = model.list.items.value;

  useEffect(() => {
    void model.list.reload();
  }, []);

  return (
    <section>
      <h1>{t("applicationsTitle")}</h1>
      <ErrorBox error={model.list.error.value} />
      {model.list.loaded.value && items.length === 0 && (
        <EmptyState text="applicationsEmpty" />
      )}
      <ul class="cards">
        {items.map((application) => {
          const row = model.rows.get(application.id);
          return (
            <li
              key={application.id}
              class="card"
              data-testid={`application-${application.organisationIinBin}`}
            >
              <p>
                <strong>{application.organisationName}</strong>
              </p>
              <p class="muted">
                {t("applicationLine", {
                  iinBin: application.organisationIinBin,
                  at: formatDateTime(application.createdAt),
                })}
              </p>
              <p>
                <a
                  href={applicationFileUrl(application.id)}
                  target="_blank"
                  rel="noopener"
                >
                  {t("applicationScan", {
                    name: application.fileName ?? application.id,
                  })}
                </a>
              </p>
              <ReasonField
                id={`reject-${application.id}`}
                label="fieldRejectReason"
                value={row.reason}
                problem={row.problem}
                onInput={(reason) =>
                  model.rows.patch(application.id, { reason, problem: null })
                }
              />
              <ErrorBox error={row.error} />
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  disabled={row.busy}
                  onClick={() => void model.approve(application.id)}
                >
                  {t("approve")}
                </button>
                <button
                  type="button"
                  class="danger"
                  disabled={row.busy}
                  onClick={() => void model.reject(application.id)}
                >
                  {t("reject")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {model.list.loading.value && <Loading />}
      <MoreButton list={model.list} />
    </section>
  );
}
