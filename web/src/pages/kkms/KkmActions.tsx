import { ErrorBox } from "../../components/ErrorBox";
import { ReasonField } from "../../components/ReasonField";
import { ConfirmDialog } from "../../components/kkm/ConfirmDialog";
import { TokenNotice } from "../../components/kkm/TokenNotice";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createKkmActionsModel } from "../../models/kkm-actions-model";

/** Props of KkmActions. */
export interface KkmActionsProps {
  kkmId: number;
  deregistered: boolean;
  onChanged: () => void;
}

/** Token reset and deregistration, each behind a confirmation dialog. */
export function KkmActions({
  kkmId,
  deregistered,
  onChanged,
}: KkmActionsProps) {
  const model = useModel(() => createKkmActionsModel(String(kkmId), onChanged));
  const dialog = model.dialog.value;
  const token = model.newToken.value;

  return (
    <section class="card kkm-actions">
      <h2>{t("kkmActionsTitle")}</h2>
      {token !== null && (
        <div data-testid="kkm-new-token">
          <TokenNotice kkmId={kkmId} token={token} />
          <button type="button" onClick={model.hideToken}>
            {t("kkmTokenHide")}
          </button>
        </div>
      )}
      {deregistered ? (
        <p class="muted">{t("kkmDeregisteredNote")}</p>
      ) : (
        <div class="actions">
          <button
            type="button"
            data-testid="kkm-reset-token"
            onClick={() => model.open("token")}
          >
            {t("kkmResetToken")}
          </button>
          <button
            type="button"
            class="danger"
            data-testid="kkm-deregister"
            onClick={() => model.open("deregister")}
          >
            {t("kkmDeregister")}
          </button>
        </div>
      )}

      {dialog === "token" && (
        <ConfirmDialog
          heading="kkmResetTokenTitle"
          confirmLabel="kkmResetTokenConfirm"
          busy={model.busy.value}
          onConfirm={() => void model.confirmReset()}
          onCancel={model.close}
        >
          <p>{t("kkmResetTokenText")}</p>
          <ErrorBox error={model.error.value} />
        </ConfirmDialog>
      )}
      {dialog === "deregister" && (
        <ConfirmDialog
          heading="kkmDeregisterTitle"
          confirmLabel="kkmDeregisterConfirm"
          busy={model.busy.value}
          danger
          onConfirm={() => void model.confirmDeregister()}
          onCancel={model.close}
        >
          <p>{t("kkmDeregisterText")}</p>
          <ReasonField
            id="kkm-deregister-reason"
            label="kkmDeregisterReason"
            value={model.reason.value}
            problem={model.reasonProblem.value}
            onInput={(value) => {
              model.reason.value = value;
              model.reasonProblem.value = null;
            }}
          />
          <ErrorBox error={model.error.value} />
        </ConfirmDialog>
      )}
    </section>
  );
}
