import { useLocation } from "preact-iso";
import { useEffect } from "preact/hooks";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createCheckModel, type CheckModel } from "./check-model";
import { fieldsFromQuery, hasAllFields } from "./check-params";
import { CheckForm } from "./CheckForm";
import { ReceiptView } from "./ReceiptView";
import "./check.css";

/**
 * Shows the buyer's receipt check at /check, the page every receipt's QR code
 * opens. With ?i=&f=&s=&t= it shows the receipt at once; otherwise a form.
 */
export function CheckPage() {
  const location = useLocation();
  const model = useModel(() => createCheckModel((url) => location.route(url)));
  const fields = fieldsFromQuery(location.query);
  const complete = hasAllFields(fields);

  useEffect(() => {
    if (complete) void model.load(fields);
    else model.reset();
  }, [location.url]);

  return (
    <section class="check-page">
      <h1>{t("checkTitle")}</h1>
      <p class="muted">{t("checkIntro")}</p>
      {model.loading.value ? <Loading /> : <Outcome model={model} />}
      {model.outcome.value?.kind !== "found" && <CheckForm model={model} />}
    </section>
  );
}

function Outcome({ model }: { model: CheckModel }) {
  const outcome = model.outcome.value;
  if (!outcome) return null;

  switch (outcome.kind) {
    case "found":
      return (
        <>
          <ReceiptView receipt={outcome.receipt} />
          {outcome.receipt.operation === "sell" && (
            <p>
              <a
                href={`/lottery${new URL(outcome.receipt.qrUrl).search}`}
                class="button-link"
                data-testid="check-enter-lottery"
              >
                {t("lotteryEnterReceiptLink")}
              </a>
            </p>
          )}
          <p>
            <a href="/check" class="button-link">
              {t("checkAnother")}
            </a>
          </p>
        </>
      );
    case "not_found":
      return (
        <div class="error-box" role="alert" data-testid="check-not-found">
          <strong>{t("checkNotFoundTitle")}</strong>
          <p>{t("checkNotFoundText")}</p>
        </div>
      );
    case "rate_limited":
      return (
        <div class="error-box" role="alert" data-testid="check-rate-limited">
          <strong>{t("checkRateLimitedTitle")}</strong>
          <p>
            {t("checkRateLimitedText", { seconds: outcome.retryAfterSeconds })}
          </p>
        </div>
      );
    case "invalid":
    case "failed":
      return (
        <div class="error-box" role="alert">
          <strong>{t("checkFailedTitle")}</strong>
          <p>{outcome.message}</p>
        </div>
      );
  }
}
