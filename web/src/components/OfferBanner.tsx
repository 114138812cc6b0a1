import { t } from "../i18n";
import { me, offerPending } from "../models/session-model";

/**
 * The notice every page shows until the offer contract is accepted. Once
 * scans are uploaded it reports that they wait for review instead of asking for
 * them again.
 */
export function OfferBanner() {
  if (!offerPending.value) return null;
  const offer = me.value?.registration?.offer;
  const waiting = offer?.status === "paper_pending";

  return (
    <div class="offer-banner" role="status" data-testid="offer-banner">
      {waiting ? <p>{t("offerBannerPending")}</p> : <p>{t("offerBanner")}</p>}
      {offer?.status === "rejected" && (
        <p>{t("offerBannerRejected", { reason: offer.rejectReason ?? "" })}</p>
      )}
      <a href="/register">{t("offerBannerLink")}</a>
    </div>
  );
}
