import { useEffect } from "preact/hooks";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { formatBytes } from "../../lib/format";
import { SCAN_EXTENSIONS } from "../../lib/scan-file";
import { useModel } from "../../lib/use-model";
import {
  createOfferModel,
  stepOverride,
} from "../../models/registration-model";
import { me } from "../../models/session-model";

/** Wizard step 3: the offer contract, accepted on paper or with an EDS. */
export function OfferStep() {
  const model = useModel(createOfferModel);
  const offer = model.offer.data.value;
  const registration = me.value?.registration;

  useEffect(() => {
    void model.offer.load();
  }, []);

  const onUpload = (event: Event) => {
    event.preventDefault();
    void model.upload();
  };

  return (
    <div>
      <h2>{t("wizardStepOffer")}</h2>
      <p>
        <a
          href="/register"
          class="back-link"
          onClick={(event) => {
            event.preventDefault();
            stepOverride.value = 2;
          }}
        >
          {t("backToRequisites")}
        </a>
      </p>
      {registration?.offer.status === "rejected" && (
        <p class="error-box" role="alert">
          {t("offerRejected", {
            reason: registration.offer.rejectReason ?? "",
          })}
        </p>
      )}
      {model.offer.loading.value && <Loading />}
      <ErrorBox error={model.offer.error.value} />
      {offer && (
        <>
          <h3>{t("offerTextTitle", { version: offer.version })}</h3>
          <pre class="offer-text" tabIndex={0} data-testid="offer-text">
            {offer.text}
          </pre>

          <div class="offer-options">
            <form class="card" onSubmit={onUpload} noValidate>
              <h3>{t("offerPaperTitle")}</h3>
              <p>{t("offerPaperText")}</p>
              <label for="scan-file">
                {t("offerFileLabel", {
                  size: formatBytes(offer.maxUploadBytes),
                  types: SCAN_EXTENSIONS.join(", "),
                })}
              </label>
              <input
                id="scan-file"
                type="file"
                name="file"
                accept=".zip,.pdf,.jpg,.jpeg,application/zip,application/pdf,image/jpeg"
                aria-invalid={model.fileProblem.value ? true : undefined}
                onChange={(event) =>
                  model.chooseFile(event.currentTarget.files?.[0] ?? null)
                }
              />
              {model.fileProblem.value && (
                <p class="field-problem" role="alert">
                  {t(model.fileProblem.value, {
                    size: formatBytes(offer.maxUploadBytes),
                  })}
                </p>
              )}
              {model.fileServerProblem.value && (
                <p class="field-problem" role="alert">
                  {model.fileServerProblem.value}
                </p>
              )}
              <button
                type="submit"
                class="primary"
                disabled={model.sending.value !== null}
              >
                {model.sending.value === "paper"
                  ? t("sending")
                  : t("offerUpload")}
              </button>
            </form>

            <div class="card">
              <h3>{t("offerSignTitle")}</h3>
              <p>{t("offerSignText")}</p>
              <pre class="application-text">{offer.applicationText}</pre>
              {model.signError.value && (
                <p class="field-problem" role="alert">
                  {t(model.signError.value)}
                </p>
              )}
              {model.signServerProblem.value && (
                <p class="field-problem" role="alert">
                  {model.signServerProblem.value}
                </p>
              )}
              <button
                type="button"
                class="primary"
                disabled={model.sending.value !== null}
                onClick={() => void model.sign()}
              >
                {model.sending.value === "signature"
                  ? t("sending")
                  : t("offerSign")}
              </button>
            </div>
          </div>
          <ErrorBox error={model.error.value} />
        </>
      )}
    </div>
  );
}
