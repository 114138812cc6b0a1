import { t, type TextKey } from "../../i18n";
import { language } from "../../models/language-model";
import { formatTiyn } from "../check/receipt-format";
import type { Draw } from "./lottery-api";

/** Props of DrawSummary. */
export interface DrawSummaryProps {
  draw: Draw;
}

/** Shows the facts of a draw: status, period, prizes, minimum total, entries. */
export function DrawSummary({ draw }: DrawSummaryProps) {
  const lang = language.value;

  return (
    <ul class="draw-facts">
      <li>
        <span
          class={`draw-status draw-status-${draw.status}`}
          data-testid="draw-status"
        >
          {t(`lotteryStatus_${draw.status}` as TextKey)}
        </span>
      </li>
      <li>
        {t("lotteryPeriod", { from: draw.periodFrom, to: draw.periodTo })}
      </li>
      <li>{t("lotteryPrizes", { count: draw.prizeCount })}</li>
      <li>
        {t("lotteryMinTotal", {
          sum: formatTiyn(draw.minReceiptTotal, lang),
        })}
      </li>
      <li>{t("lotteryEntries", { count: draw.entryCount })}</li>
    </ul>
  );
}
