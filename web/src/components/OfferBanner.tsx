import { t } from "../i18n";
import { me, offerPending } from "../models/session-model";

/** The notice every page shows until the offer contract is accepted. */
export function OfferBanner() {
  if (!offerPending.value) return null;
  const offer = me.value?.registration?.offer;

  return (
    <div class="offer-banner" role="status" data-testid="offer-banner">
      <p>{t("offerBanner")}</p>
      {offer?.status === "paper_pending" && <p>{t("offerBannerPending")}</p>}
      {offer?.status === "rejected" && (
        <p>{t("offerBannerRejected", { reason: offer.rejectReason ?? "" })}</p>
      )}
      <a href="/register">{t("offerBannerLink")}</a>
    </div>
  );
}
