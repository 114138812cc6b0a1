import type { OperatorOrganisation } from "../../api/types";
import { ErrorBox } from "../../components/ErrorBox";
import { ReasonField } from "../../components/ReasonField";
import { t } from "../../i18n";
import type { createOperatorOrganisationsModel } from "../../models/operator-model";

/** Props of OrganisationCard. */
export interface OrganisationCardProps {
  organisation: OperatorOrganisation;
  model: ReturnType<typeof createOperatorOrganisationsModel>;
}

/** One organisation in the operator's search, with its block state. */
export function OrganisationCard({
  organisation,
  model,
}: OrganisationCardProps) {
  const row = model.rows.get(organisation.id);

  return (
    <li class="card" data-testid={`organisation-${organisation.iinBin}`}>
      <p>
        <strong>{organisation.fullName}</strong>
      </p>
      <p class="muted">
        {t("organisationLine", {
          iinBin: organisation.iinBin,
          kkms: organisation.kkmCount,
        })}
      </p>
      <p>{t(`offerStatus_${organisation.offer.status}`)}</p>
      {organisation.status === "blocked" ? (
        <>
          <p class="error-box">
            {t("blockedWithReason", {
              reason: organisation.blockReason ?? "",
            })}
          </p>
          <ErrorBox error={row.error} />
          <button
            type="button"
            disabled={row.busy}
            onClick={() => void model.unblock(organisation.id)}
          >
            {t("unblock")}
          </button>
        </>
      ) : (
        <>
          <ReasonField
            id={`block-${organisation.id}`}
            label="fieldBlockReason"
            value={row.reason}
            problem={row.problem}
            onInput={(reason) =>
              model.rows.patch(organisation.id, { reason, problem: null })
            }
          />
          <ErrorBox error={row.error} />
          <button
            type="button"
            class="danger"
            disabled={row.busy}
            onClick={() => void model.block(organisation.id)}
          >
            {t("block")}
          </button>
        </>
      )}
    </li>
  );
}
